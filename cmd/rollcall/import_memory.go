package main

import "runtime/debug"

// memoryLimit is the knob app turns to hold every import to its memory budget, whichever face
// started it (the CLI, the local console, a session over SSH): the Go runtime's soft limit.
// GOMEMLIMIT, when set, wins: the limit is left to it.
func memoryLimit(getenv func(string) string) func(int64) int64 {
	if getenv("GOMEMLIMIT") != "" {
		return nil
	}
	return debug.SetMemoryLimit
}
