package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"rollcall/cmd/rollcall/sshserver"
	pgstore "rollcall/storage/postgres"
)

type serveOptions struct {
	listen, hostKey, inbox string
	passwordAuth           bool
	idle, grace            time.Duration
}

func newServeCmd(f *factory) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [--listen :2222] [--host-key PATH]",
		Short: "Serve Rollcall over SSH: the console for each admin's key, and every command for scripts",
		Long: `Serve Rollcall over SSH. An admin connects with a key added by 'rollcall ssh-keys add' and gets
their own console (ssh -p 2222 host), or runs one command (ssh -p 2222 host users list --json),
which prints its output and exits with its status. Files reach the server through each admin's
inbox (sftp or scp to it; the console's import picker shows it). Unknown keys are refused. The host key is an
Ed25519 key created on first start (mode 0600); its fingerprint is printed at start.
SIGTERM stops accepting connections, lets running commands finish and exits.`,
		Example: `  rollcall serve --listen :2222
  ssh -p 2222 localhost users list --json`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd.Context(), f, o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.listen, "listen", ":2222", "address to listen on")
	fl.StringVar(&o.hostKey, "host-key", "", "host key file (default: ssh_host_ed25519_key beside the database)")
	fl.StringVar(&o.inbox, "inbox", "", "folder of the admins' inboxes, where sftp and scp uploads land (default: inbox beside the database)")
	fl.BoolVar(&o.passwordAuth, "password-auth", false, "also accept an admin's email and password (slowed down after failures)")
	fl.DurationVar(&o.idle, "idle-timeout", 30*time.Minute, "close connections idle for this long (0: never)")
	fl.DurationVar(&o.grace, "grace", 30*time.Second, "on SIGTERM, how long open sessions may take to finish")
	return cmd
}

func runServe(ctx context.Context, f *factory, o *serveOptions) error {
	a, err := f.App()
	if err != nil {
		return err
	}
	if o.hostKey == "" {
		o.hostKey = filepath.Join(dbDir(f.dbPath, f.env.getenv), "ssh_host_ed25519_key")
	}
	signer, err := sshserver.LoadHostKey(o.hostKey)
	if err != nil {
		return err
	}
	if o.inbox == "" {
		o.inbox = filepath.Join(dbDir(f.dbPath, f.env.getenv), "inbox")
	}
	if err := os.MkdirAll(o.inbox, 0o700); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(f.env.stderr, nil))
	srv, err := sshserver.New(sshserver.Config{App: a, HostKey: signer, PasswordAuth: o.passwordAuth,
		IdleTimeout: o.idle, Grace: o.grace, Logger: logger, Exec: remoteExec(a), InboxDir: o.inbox})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return err
	}
	if !pgstore.IsURL(f.dbPath) {
		stopBackups := serveBackups(ctx, a, f.dbPath, logger)
		defer stopBackups()
	}
	cat := f.Catalog()
	f.say(cat.Admins.Listening, ln.Addr().String())
	f.say(cat.Admins.HostKey, srv.Fingerprint(), o.hostKey)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	f.say("%s", cat.Admins.Stopping)
	// The grace period, plus a margin for the handlers to notice they were cut.
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.grace+10*time.Second)
	defer cancel()
	err = srv.Shutdown(stopCtx)
	if serr := <-served; err == nil {
		err = serr
	}
	if err == nil {
		f.say("%s", cat.Admins.Stopped)
	}
	return err // the deferred f.Close then closes the store, every write committed
}
