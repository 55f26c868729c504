package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"rollcall/mailmerge"
	"rollcall/model"
	"rollcall/storage"
)

// The pages people open from their login cards (activate, sign in, account, reset) act as the
// person, not as an admin: these operations take what the person typed and the network address
// they came from, and every try at a secret goes through beginAttempt (per login and per
// address, the delay told with *model.ThrottledError).

// Kinds of attempts, each counted apart.
const (
	attemptSignIn     = "signin"
	attemptActivate   = "activate"
	attemptReset      = "reset"
	attemptResetReq   = "reset-request"
	attemptPassword   = "password"
	attemptAdminReq   = "admin-reset-request"
	attemptAdminReset = "admin-reset"
)

// PersonSession is a person signed in on the web page. Token is the cookie's secret; only its
// hash is kept.
type PersonSession struct {
	Token string
	User  model.User
}

// PersonAccount is what the account page shows.
type PersonAccount struct {
	User    model.User
	OrgName string
	Classes []string // class names, in class order
	Policy  model.PasswordPolicy
}

// PersonSignIn checks a person's login (or email) and password and opens a session. An unknown
// login, an account not activated yet and a wrong password are the same
// model.ErrInvalidCredentials after the same argon2 work.
func (a *App) PersonSignIn(ctx context.Context, who, password, addr string) (PersonSession, error) {
	who = strings.TrimSpace(who)
	t, err := a.beginAttempt(ctx, attemptSignIn, who, addr)
	if err != nil {
		return PersonSession{}, err
	}
	defer t.release()
	u, found, err := a.personByLoginOrEmail(ctx, who)
	if err != nil {
		return PersonSession{}, err
	}
	hash := a.decoyHash()
	if found && u.Activated() && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	ok, err := verifyPassword(hash, password)
	if err != nil {
		return PersonSession{}, fmt.Errorf("sign in: %w", err)
	}
	if !ok || hash != u.PasswordHash {
		t.fail()
		return PersonSession{}, model.ErrInvalidCredentials
	}
	t.ok()
	if u.Suspended() { // told only to whoever knows the password
		return PersonSession{}, model.ErrSuspended
	}
	return a.openPersonSession(ctx, u)
}

// personByLoginOrEmail finds the one person with this login, else the one with this email (an
// email several people share finds nobody).
func (a *App) personByLoginOrEmail(ctx context.Context, who string) (model.User, bool, error) {
	if who == "" {
		return model.User{}, false, nil
	}
	u, err := a.store.UserByLogin(ctx, who)
	if err == nil {
		return u, true, nil
	} else if !errors.Is(err, storage.ErrNotFound) {
		return model.User{}, false, err
	}
	email := model.NormalizeEmail(who)
	if !strings.Contains(email, "@") {
		return model.User{}, false, nil
	}
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return model.User{}, false, err
	}
	everyone := model.Admin{}
	for _, o := range orgs {
		everyone.OrgIDs = append(everyone.OrgIDs, o.ID)
	}
	rows, err := a.selectRows(ctx, everyone, model.Selection{Text: email, Email: model.TriYes})
	if err != nil {
		return model.User{}, false, err
	}
	var match model.User
	n := 0
	for _, id := range a.rowIDs(rows) {
		c, err := a.store.User(ctx, id)
		if err != nil || model.NormalizeEmail(c.Email) != email {
			continue
		}
		match, n = c, n+1
	}
	return match, n == 1, nil
}

// PersonSessionUser returns the person a session token belongs to, read afresh, or
// model.ErrNotSignedIn (unknown, expired or signed out, or the account is gone).
func (a *App) PersonSessionUser(ctx context.Context, token string) (model.User, error) {
	if token == "" {
		return model.User{}, model.ErrNotSignedIn
	}
	hash := model.HashSecret(token)
	s, ok, err := a.livePersonSession(ctx, hash)
	if err != nil {
		return model.User{}, err
	} else if !ok {
		return model.User{}, model.ErrNotSignedIn
	}
	u, err := a.store.User(ctx, s.UserID)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && (!u.Activated() || u.Suspended())) {
		return model.User{}, errors.Join(model.ErrNotSignedIn, a.dropPersonSession(ctx, hash))
	}
	return u, err
}

// PersonSignOut ends a session, removing it from the store; an unknown token is no error.
func (a *App) PersonSignOut(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return a.dropPersonSession(ctx, model.HashSecret(token))
}

// PersonAccountOf is the account page of a signed-in person.
func (a *App) PersonAccountOf(ctx context.Context, token string) (PersonAccount, error) {
	u, err := a.PersonSessionUser(ctx, token)
	if err != nil {
		return PersonAccount{}, err
	}
	acc := PersonAccount{User: u}
	if o, err := a.store.Org(ctx, u.OrgID); err == nil {
		acc.OrgName = o.Name
	}
	ranks, err := a.classRanks(ctx)
	if err != nil {
		return acc, err
	}
	ids := append([]model.ID(nil), u.ClassIDs...)
	sortByRank(ids, ranks)
	for _, id := range ids {
		if c, err := a.store.Class(ctx, id); err == nil {
			acc.Classes = append(acc.Classes, c.Name)
		}
	}
	acc.Policy, err = a.PasswordPolicyOf(ctx, u)
	return acc, err
}

func sortByRank(ids []model.ID, ranks map[model.ID]int) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ranks[ids[j]] < ranks[ids[j-1]]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// ChangePersonPassword sets a signed-in person's password after checking their current one
// (attempt-limited); their other sessions end.
func (a *App) ChangePersonPassword(ctx context.Context, token, current, next, addr string) error {
	u, err := a.checkPersonPassword(ctx, token, current, addr)
	if err != nil {
		return err
	}
	if err := a.checkUserPassword(ctx, u, next); err != nil {
		return err
	}
	hash, err := hashPassword(a.argon, a.random, next)
	if err != nil {
		return err
	}
	a.merge.activate.Lock()
	defer a.merge.activate.Unlock()
	if u, err = a.store.User(ctx, u.ID); err != nil {
		return err
	}
	u.PasswordHash, u.UpdatedAt = hash, a.now()
	if _, err := a.applyBatch(ctx, storage.Batch{Users: []model.User{u}}); err != nil {
		return err
	}
	_, err = a.store.DeleteUserPersonSessions(ctx, u.ID, model.HashSecret(token))
	return err
}

// ChangePersonEmail sets a signed-in person's email after checking their password; the email
// is then theirs (set by hand: imports leave it alone).
func (a *App) ChangePersonEmail(ctx context.Context, token, password, email, addr string) (model.User, error) {
	u, err := a.checkPersonPassword(ctx, token, password, addr)
	if err != nil {
		return u, err
	}
	email = model.NormalizeEmail(email)
	if email != "" && !model.ValidEmail(email) {
		return u, &model.ValidationError{Field: "email", Rule: model.RuleEmail, Value: email}
	}
	a.merge.activate.Lock()
	defer a.merge.activate.Unlock()
	if u, err = a.store.User(ctx, u.ID); err != nil {
		return u, err
	}
	u.Email, u.ByHand, u.UpdatedAt = email, u.ByHand.With(model.FieldEmail), a.now()
	if _, err := a.applyBatch(ctx, storage.Batch{Users: []model.User{u}}); err != nil {
		return u, err
	}
	return u, nil
}

// checkPersonPassword is the signed-in person, once their password is checked again.
func (a *App) checkPersonPassword(ctx context.Context, token, password, addr string) (model.User, error) {
	u, err := a.PersonSessionUser(ctx, token)
	if err != nil {
		return u, err
	}
	t, err := a.beginAttempt(ctx, attemptPassword, u.Login, addr)
	if err != nil {
		return u, err
	}
	defer t.release()
	ok, err := verifyPassword(u.PasswordHash, password)
	if err != nil {
		return u, err
	}
	if !ok {
		t.fail()
		return u, model.ErrInvalidCredentials
	}
	t.ok()
	return u, nil
}

// PasswordPolicyForLogin is the policy a login's new password follows (the default for a login
// nobody has), for pages that show the rules while the person types.
func (a *App) PasswordPolicyForLogin(ctx context.Context, login string) (model.PasswordPolicy, error) {
	u, err := a.store.UserByLogin(ctx, strings.TrimSpace(login))
	if errors.Is(err, storage.ErrNotFound) {
		return model.DefaultPasswordPolicy, nil
	} else if err != nil {
		return model.PasswordPolicy{}, err
	}
	return a.PasswordPolicyOf(ctx, u)
}

// ActivationCheck is what the activation page may show once a card's code is right: the
// person's school and the rules their password must follow.
type ActivationCheck struct {
	School string
	Policy model.PasswordPolicy
}

// CheckActivationCode says whether a card's login and code go together, before the person
// chooses a password (attempt-limited like activation itself): a *model.AccountCodeError or
// *model.ThrottledError when they do not.
func (a *App) CheckActivationCode(ctx context.Context, login, code, addr string) (ActivationCheck, error) {
	login = strings.TrimSpace(login)
	t, err := a.beginAttempt(ctx, attemptActivate, login, addr)
	if err != nil {
		return ActivationCheck{}, err
	}
	defer t.release()
	u, err := a.store.UserByLogin(ctx, login)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return ActivationCheck{}, err
	}
	if err := activationCodeMatches(u, err == nil, login, code); err != nil {
		if !errors.Is(err, model.ErrCodeUsed) {
			t.fail()
		}
		return ActivationCheck{}, err
	}
	if u.Suspended() {
		return ActivationCheck{}, model.ErrSuspended
	}
	var c ActivationCheck
	if o, err := a.store.Org(ctx, u.OrgID); err == nil {
		c.School = o.Name
	}
	c.Policy, err = a.PasswordPolicyOf(ctx, u)
	return c, err
}

// ResetRequest says what a reset request did: Emailed when a code went to the address on file
// (Hint shows it half hidden); otherwise the person must ask their school.
type ResetRequest struct {
	Emailed bool
	Hint    string
}

// RequestPersonReset emails a single-use reset code and link to an activated person with an
// email, through their school's SMTP server. Each request counts as an attempt (per login and
// address), so the page cannot be used to flood a mailbox.
func (a *App) RequestPersonReset(ctx context.Context, login, addr string, opts MergeOptions) (ResetRequest, error) {
	login = strings.TrimSpace(login)
	t, err := a.beginAttempt(ctx, attemptResetReq, login, addr)
	if err != nil {
		return ResetRequest{}, err
	}
	defer t.release()
	t.fail() // every request counts
	u, err := a.store.UserByLogin(ctx, login)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && (!u.Activated() || u.Email == "" || u.Suspended())) {
		return ResetRequest{}, nil
	} else if err != nil {
		return ResetRequest{}, err
	}
	m, err := a.newMerger(ctx, u.Language, opts, "", []model.ID{u.OrgID})
	if err != nil || !m.settings.SMTPConfigured() || m.noBase {
		return ResetRequest{}, err
	}
	code, otc, err := a.newResetCode(u.ID)
	if err != nil {
		return ResetRequest{}, err
	}
	msg, err := m.message(m.card(&u), code)
	if err != nil {
		return ResetRequest{}, err
	}
	if err := a.store.RevokeCodes(ctx, model.PurposeResetPassword, u.ID); err != nil {
		return ResetRequest{}, err
	}
	if err := a.store.PutCode(ctx, otc); err != nil {
		return ResetRequest{}, err
	}
	mailer, err := mailmerge.NewSMTPMailer(m.settings.SMTPConfig())
	if err != nil {
		return ResetRequest{}, err
	}
	defer func() { _ = mailer.Close() }()
	err = mailmerge.Retry(ctx, 3, mailmerge.ExponentialBackoff(500*time.Millisecond, 2*time.Second),
		func() error { return mailer.Send(ctx, msg) })
	if err != nil {
		return ResetRequest{}, err
	}
	return ResetRequest{Emailed: true, Hint: hideEmail(u.Email)}, nil
}

// hideEmail shows enough of an address for its owner to recognise it: z***@example.org.
func hideEmail(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 1 {
		return "***"
	}
	return email[:1] + "***" + email[at:]
}

// SchoolAt names the school whose activation address is on host (the host a person typed to
// reach the web page), else the database's only school; "" when that does not tell one school.
func (a *App) SchoolAt(ctx context.Context, host string) (string, error) {
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return "", err
	}
	var found []string
	for _, o := range orgs {
		s, err := a.schoolSettings(ctx, o.ID)
		if err != nil {
			return "", err
		}
		if u, err := parseBaseURL(s.Mail.ActivationURL); err == nil && strings.EqualFold(u.Host, host) {
			found = append(found, o.Name)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) == 0 && len(orgs) == 1:
		return orgs[0].Name, nil
	}
	return "", nil
}
