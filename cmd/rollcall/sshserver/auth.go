package sshserver

import (
	"strconv"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"rollcall/model"
)

// Permission extensions: what authentication proved, handed to the session handler. They live
// in the connection's ssh.Permissions, which only a successful authentication keeps.
const (
	extAdmin = "rollcall-admin-id"
	extKey   = "rollcall-key"
)

// refusalDelay slows a refused password, so a script cannot try faster than this per
// connection.
const refusalDelay = time.Second

// publicKeyAuth accepts a key some verified admin registered. It runs for every key a client
// offers, before the client proves it holds the private half; SSH only grants the session once
// it has, with the permissions returned for that key.
func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	admin, _, err := s.cfg.App.AdminByKey(ctx, key.Marshal())
	if err != nil {
		s.log.Info("ssh key refused", "remote", ctx.RemoteAddr().String(), "key", fp, "reason", err.Error())
		return false
	}
	grant(ctx, admin.ID, fp)
	return true
}

// passwordAuth accepts an admin's email as the user name with their password, checked against
// the argon2id hash with the app's per-account throttle, and refuses an address that failed
// too often, without checking, until its wait is over. The checks of one address run one at a
// time, the throttle held across each, so a burst of parallel guesses cannot all pass it
// before the first failure counts.
func (s *Server) passwordAuth(ctx ssh.Context, password string) bool {
	addr := host(ctx.RemoteAddr())
	ok := s.checkPassword(ctx, addr, password)
	if !ok {
		time.Sleep(refusalDelay) // outside the address's turn: the next guess is refused meanwhile
	}
	return ok
}

func (s *Server) checkPassword(ctx ssh.Context, addr, password string) bool {
	done, ok := s.throttle.wait(ctx.Done(), addr)
	if !ok {
		return false
	}
	defer done()
	if until := s.throttle.blockedUntil(addr); !until.IsZero() {
		s.log.Warn("ssh password refused: address throttled", "remote", ctx.RemoteAddr().String(),
			"user", ctx.User(), "until", until.UTC().Format(time.RFC3339))
		return false
	}
	admin, err := s.cfg.App.CheckPassword(ctx, ctx.User(), password)
	if err != nil {
		s.throttle.failed(addr)
		s.log.Info("ssh password refused", "remote", ctx.RemoteAddr().String(), "user", ctx.User(), "reason", err.Error())
		return false
	}
	s.throttle.succeeded(addr)
	grant(ctx, admin.ID, "")
	return true
}

// grant records who authenticated, for the session handler.
func grant(ctx ssh.Context, admin model.ID, keyFingerprint string) {
	perms := ctx.Permissions()
	if perms.Extensions == nil {
		perms.Extensions = map[string]string{}
	}
	perms.Extensions[extAdmin] = strconv.FormatUint(uint64(admin), 10)
	if keyFingerprint != "" {
		perms.Extensions[extKey] = keyFingerprint
	}
}

// granted reads who authenticated; false when the connection carries no grant (it cannot
// happen with the handlers above, and is refused all the same).
func granted(sess ssh.Session) (model.ID, string, bool) {
	ext := sess.Permissions().Extensions
	id, err := strconv.ParseUint(ext[extAdmin], 10, 64)
	if err != nil || id == 0 {
		return 0, "", false
	}
	return model.ID(id), ext[extKey], true
}
