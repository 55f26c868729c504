package sshserver

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	bm "charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/scp"
	"github.com/charmbracelet/ssh"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/tui"
)

// middleware is the one handler of every session: it identifies the admin, opens a Rollcall
// session for the connection, then runs a console or a command, and logs who did what from
// where (never a secret: the command's arguments may hold codes, so only its name is logged).
func (s *Server) middleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer next(sess)
		if !s.begin(sess) {
			return
		}
		defer s.sessions.Done()
		defer s.recoverPanic(sess)
		s.serve(sess)
	}
}

// begin counts a session the shutdown waits for; false (and the session closed) when the
// server is stopping.
func (s *Server) begin(sess ssh.Session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		fmt.Fprintln(sess.Stderr(), "rollcall: the server is stopping")
		_ = sess.Exit(1)
		return false
	}
	s.sessions.Add(1)
	return true
}

func (s *Server) recoverPanic(sess ssh.Session) {
	if r := recover(); r != nil {
		s.log.Error("ssh session panicked", "remote", sess.RemoteAddr().String(), "panic", fmt.Sprint(r),
			"stack", string(debug.Stack()))
		_ = sess.Exit(1)
	}
}

func (s *Server) serve(sess ssh.Session) {
	ctx := sess.Context()
	remote := sess.RemoteAddr().String()
	id, key, ok := granted(sess)
	if !ok {
		s.log.Warn("ssh session without a grant", "remote", remote)
		_ = sess.Exit(1)
		return
	}
	if info := scp.GetInfo(sess.Command()); info.Ok {
		if info.Op != scp.OpCopyFromClient {
			fmt.Fprintln(sess.Stderr(), "rollcall: scp only sends files to the server's inbox")
			_ = sess.Exit(1)
			return
		}
		s.scpUpload(sess)
		return
	}
	as, err := s.cfg.App.OpenSession(ctx, id, "ssh:"+remote)
	if err != nil {
		s.log.Error("ssh session not opened", "remote", remote, "error", err.Error())
		_ = sess.Exit(1)
		return
	}
	// The Rollcall session ends with the SSH one, even when the connection is cut.
	defer func() { _ = as.SignOut(context.WithoutCancel(ctx)) }()
	admin, err := as.Admin(ctx)
	if err != nil {
		s.log.Error("ssh session admin", "remote", remote, "error", err.Error())
		_ = sess.Exit(1)
		return
	}
	log := s.log.With("admin", admin.Email, "remote", remote)
	if key != "" {
		log = log.With("key", key)
	}
	lang := clientLang(sess.Environ())
	_, _, pty := sess.Pty()
	start := time.Now()
	switch {
	case len(sess.Command()) > 0:
		log.Info("ssh command started", "command", sess.Command()[0], "tty", pty)
		code := s.cfg.Exec(ctx, Exec{Args: sess.Command(), Stdin: sess, Stdout: sess, Stderr: sess.Stderr(),
			TTY: pty, Lang: lang, Session: as, Log: log})
		log.Info("ssh command ended", "command", sess.Command()[0], "exit", code, "duration", time.Since(start).Round(time.Millisecond))
		_ = sess.Exit(code)
	case pty:
		log.Info("ssh console started")
		s.console(sess, as, lang, remote)
		log.Info("ssh console ended", "duration", time.Since(start).Round(time.Millisecond))
	default:
		fmt.Fprintln(sess.Stderr(), i18n.For(i18n.Resolve("", admin.Language, lang)).Admins.NeedTerminal)
		_ = sess.Exit(2)
	}
}

// console runs one console for the session: its own Bubble Tea program and model, signed in
// with the connection's session. The wish middleware feeds it the terminal's size changes and
// quits it when the connection closes.
func (s *Server) console(sess ssh.Session, as *app.Session, lang, remote string) {
	var inbox string
	if id, _, ok := granted(sess); ok && s.cfg.InboxDir != "" {
		inbox, _ = InboxOf(s.cfg.InboxDir, id) // "" on failure: the picker then refuses, as before
	}
	m := tui.New(tui.Options{
		Inbox:    inbox,
		Context:  sess.Context(),
		App:      s.cfg.App,
		Lang:     i18n.Resolve("", "", lang),
		Remember: false,
		Session:  as,
		Origin:   "ssh:" + remote,
		Remote:   true,
		Dark:     true, // until the terminal answers
	})
	p := tea.NewProgram(m, bm.MakeOptions(sess)...)
	if !s.track(p) {
		fmt.Fprintln(sess.Stderr(), "rollcall: the server is stopping")
		return
	}
	defer s.untrack(p)
	bm.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return p })(func(ssh.Session) {})(sess)
	_ = sess.Exit(0)
}

// clientLang is the language the client's environment asks for (SSH clients send LANG and
// LC_* when configured to), "" when it sent none.
func clientLang(environ []string) string {
	var lang string
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "LC_ALL", "LC_MESSAGES":
			if v != "" {
				return v
			}
		case "LANG":
			lang = v
		}
	}
	return lang
}
