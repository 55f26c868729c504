package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/cmd/rollcall/sshserver"
	pgstore "rollcall/storage/postgres"
)

type serveOptions struct {
	f                      *factory
	listen, hostKey, inbox string
	passwordAuth           bool
	idle, grace            time.Duration
	http                   httpOptions
	ssh                    bool // the SSH listener runs: --listen given, or no --http
}

func newServeCmd(f *factory) *cobra.Command {
	o := &serveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "serve [--listen :2222] [--host-key PATH] [--http :8080 [--tls-cert F --tls-key F | --trust-proxy]]",
		Short: "Serve Rollcall over SSH (the console, every command) and the account pages over HTTP",
		Long: `Serve Rollcall over SSH. An admin connects with a key added by 'rollcall ssh-keys add' and gets
their own console (ssh -p 2222 host), or runs one command (ssh -p 2222 host users list --json),
which prints its output and exits with its status. Files reach the server through each admin's
inbox (sftp or scp to it; the console's import picker shows it). Unknown keys are refused. The host key is an
Ed25519 key created on first start (mode 0600); its fingerprint is printed at start.
SIGTERM stops accepting connections, lets running commands finish and exits.

With --http, it also serves the pages people open from their login cards: /activate (where the
card's QR code lands), /login and /account, /reset. Schools without an activation address of
their own point their cards there. --http alone serves only these pages; add --listen for SSH
too. Behind a reverse proxy that terminates TLS, --trust-proxy honours its X-Forwarded-* headers
(never otherwise); or give the server its own certificate with --tls-cert and --tls-key.`,
		Example: `  rollcall serve --listen :2222
  ssh -p 2222 localhost users list --json
  rollcall serve --http :8443 --tls-cert cert.pem --tls-key key.pem --listen :2222`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.ssh = !cmd.Flags().Changed("http") || cmd.Flags().Changed("listen")
			return runServe(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.listen, "listen", ":2222", "address to listen on")
	fl.StringVar(&o.hostKey, "host-key", "", "host key file (default: ssh_host_ed25519_key beside the database)")
	fl.StringVar(&o.inbox, "inbox", "", "folder of the admins' inboxes, where sftp and scp uploads land (default: inbox beside the database)")
	fl.BoolVar(&o.passwordAuth, "password-auth", false, "also accept an admin's email and password (slowed down after failures)")
	fl.DurationVar(&o.idle, "idle-timeout", 30*time.Minute, "close connections idle for this long (0: never)")
	fl.DurationVar(&o.grace, "grace", 30*time.Second, "on SIGTERM, how long open sessions may take to finish")
	fl.StringVar(&o.http.addr, "http", "", "also serve the account pages (activate, sign in, reset) on this address")
	fl.StringVar(&o.http.tlsCert, "tls-cert", "", "certificate file (PEM) for --http: serve HTTPS")
	fl.StringVar(&o.http.tlsKey, "tls-key", "", "private key file (PEM) of --tls-cert")
	fl.BoolVar(&o.http.trustProxy, "trust-proxy", false, "behind a reverse proxy: honour its X-Forwarded-For, -Proto and -Host")
	return cmd
}

func runServe(ctx context.Context, o *serveOptions) error {
	f := o.f
	a, err := f.App()
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(f.env.stderr, nil))
	cat := f.Catalog()
	var srv *sshserver.Server
	var web *webServer
	served := make(chan error, 2)
	if o.ssh {
		if srv, err = startSSH(f, a, o, logger); err != nil {
			return err
		}
		ln, err := net.Listen("tcp", o.listen)
		if err != nil {
			return err
		}
		f.say(cat.Admins.Listening, ln.Addr().String())
		f.say(cat.Admins.HostKey, srv.Fingerprint(), o.hostKey)
		go func() { served <- srv.Serve(ln) }()
	}
	if o.http.addr != "" {
		if web, err = startWeb(ctx, a, o.http, logger); err != nil {
			if srv != nil {
				_ = srv.Shutdown(context.WithoutCancel(ctx))
			}
			return err
		}
		f.say(cat.Web.Serving, web.url)
		go func() { served <- web.serve() }()
	}
	if !pgstore.IsURL(f.dbPath) {
		stopBackups := serveBackups(ctx, a, f.dbPath, logger)
		defer stopBackups()
	}
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	f.say("%s", cat.Admins.Stopping)
	// The grace period, plus a margin for the handlers to notice they were cut.
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.grace+10*time.Second)
	defer cancel()
	if web != nil {
		err = web.srv.Shutdown(stopCtx)
		if serr := <-served; err == nil {
			err = serr
		}
	}
	if srv != nil {
		if serr := srv.Shutdown(stopCtx); err == nil {
			err = serr
		}
		if serr := <-served; err == nil {
			err = serr
		}
	}
	if err == nil {
		f.say("%s", cat.Admins.Stopped)
	}
	return err // the deferred f.Close then closes the store, every write committed
}

// startSSH builds the SSH server with its host key and the admins' inbox folder.
func startSSH(f *factory, a *app.App, o *serveOptions, logger *slog.Logger) (*sshserver.Server, error) {
	if o.hostKey == "" {
		o.hostKey = filepath.Join(dbDir(f.dbPath, f.env.getenv), "ssh_host_ed25519_key")
	}
	signer, err := sshserver.LoadHostKey(o.hostKey)
	if err != nil {
		return nil, err
	}
	if o.inbox == "" {
		o.inbox = filepath.Join(dbDir(f.dbPath, f.env.getenv), "inbox")
	}
	if err := os.MkdirAll(o.inbox, 0o700); err != nil {
		return nil, err
	}
	return sshserver.New(sshserver.Config{App: a, HostKey: signer, PasswordAuth: o.passwordAuth,
		IdleTimeout: o.idle, Grace: o.grace, Logger: logger, Exec: remoteExec(a), InboxDir: o.inbox})
}
