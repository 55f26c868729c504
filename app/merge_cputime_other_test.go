//go:build !unix

package app

// cpuSeconds is not measured here.
func cpuSeconds() float64 { return 0 }
