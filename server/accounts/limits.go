package accounts

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// failureLimiter counts failed sign-ins per key (an account or an address). Only failures
// spend tokens, so people who type their password right are never slowed down.
type failureLimiter struct {
	mu    sync.Mutex
	every time.Duration
	burst int
	keys  map[string]*rate.Limiter
}

func newFailureLimiter(every time.Duration, burst int) *failureLimiter {
	return &failureLimiter{every: every, burst: burst, keys: map[string]*rate.Limiter{}}
}

func (f *failureLimiter) limiter(key string) *rate.Limiter {
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.keys[key]
	if !ok {
		if len(f.keys) > 100_000 { // bound memory under a spray of keys
			f.keys = map[string]*rate.Limiter{}
		}
		l = rate.NewLimiter(rate.Every(f.every), f.burst)
		f.keys[key] = l
	}
	return l
}

// blocked reports whether key has no failures left to spend.
func (f *failureLimiter) blocked(key string) bool { return f.limiter(key).Tokens() < 1 }

// fail spends one failure for key.
func (f *failureLimiter) fail(key string) { f.limiter(key).Allow() }
