package main

import (
	"math/bits"
	"time"
)

// hist is a latency histogram in microseconds with about 3 % resolution (32 sub-buckets per
// power of two), so millions of samples cost a fixed few kilobytes. Not safe for concurrent
// use: every editor keeps its own and they are merged at the end.
type hist struct {
	counts [64 + 58*32]uint32
	n      uint64
	max    int64 // µs, exact
}

func histIndex(us int64) int {
	if us < 64 {
		return int(max(us, 0))
	}
	b := bits.Len64(uint64(us)) // ≥ 7
	shift := b - 6
	return 64 + (b-7)*32 + int(uint64(us)>>shift) - 32
}

// histValue is a bucket's middle, in µs.
func histValue(i int) float64 {
	if i < 64 {
		return float64(i)
	}
	b := (i-64)/32 + 7
	shift := b - 6
	lo := int64(32+(i-64)%32) << shift
	return float64(lo) + float64(int64(1)<<shift)/2
}

func (h *hist) add(d time.Duration) {
	us := d.Microseconds()
	h.counts[histIndex(us)]++
	h.n++
	h.max = max(h.max, us)
}

func (h *hist) merge(o *hist) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
	h.max = max(h.max, o.max)
}

// quantile in milliseconds (0 when empty); the top quantile is the exact maximum.
func (h *hist) quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := uint64(q * float64(h.n))
	if rank >= h.n {
		return float64(h.max) / 1000
	}
	var seen uint64
	for i, c := range h.counts {
		seen += uint64(c)
		if seen > rank {
			return min(histValue(i), float64(h.max)) / 1000
		}
	}
	return float64(h.max) / 1000
}
