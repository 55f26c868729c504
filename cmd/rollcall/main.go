// Command rollcall is Rollcall's single binary: the TUI on a terminal, the same TUI over SSH,
// and a CLI command for every action, for scripts. This package wires the store, the
// application layer and the faces together; it is the only importer of tui and of the stores (storage/bolt, storage/postgres).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, newOSEnv(), os.Args[1:])
	stop()
	os.Exit(code)
}
