//go:build !linux

package pgtest

import "fmt"

// startScratch starts no server outside Linux: tests need $ROLLCALL_TEST_POSTGRES there.
func startScratch() (url, skip string, err error) {
	return "", fmt.Sprintf("no scratch PostgreSQL on this system: set %s", EnvURL), nil
}
