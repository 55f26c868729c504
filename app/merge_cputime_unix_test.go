//go:build unix

package app

import "syscall"

// cpuSeconds is the CPU time the process used so far, user and system, all threads: on a busy
// shared machine it says what the work costs where wall time cannot.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
