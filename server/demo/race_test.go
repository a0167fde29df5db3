//go:build race

package demo

const raceDetector = true
