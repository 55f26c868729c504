// Package app holds the operations an admin can perform: sign up, sign in, load the demo school,
// import, filter, claim, mail-merge. Every face (the console, the CLI, SSH, the web) calls it, so
// none holds a business rule. It returns typed errors and data, never prose.
//
// Who is acting is app's job. Signing in (SignIn, OpenSession for SSH, LocalSession for the CLI
// and the local console, Session(token) for a token kept elsewhere) yields a *Session, and an
// operation on a school's data is a method of *Session: it re-reads the session and the admin
// before acting, so the terms step, the admin's schools and revocation are enforced here once,
// for every face. A new operation is written as
//
//	func (s *Session) DoThing(ctx context.Context, in X) (Y, error) {
//		admin, err := s.acting(ctx) // ErrNotSignedIn, ErrTermsNotAccepted, else the admin as stored now
//		...
//	}
//
// or as a Session method calling an unexported (a *App) doThing(ctx, admin, in) that does the
// work, as most do. No exported App method takes a model.Admin (a test holds it).
package app
