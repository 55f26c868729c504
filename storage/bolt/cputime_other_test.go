//go:build !unix

package bolt

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
