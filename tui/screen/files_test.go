package screen

import (
	"errors"
	"testing"

	"rollcall/model"
)

func TestReadableFilesOverSSHAreTheInboxOnly(t *testing.T) {
	local := &Session{}
	remote := &Session{Remote: true, Inbox: "/srv/rollcall/inbox/7"}
	bare := &Session{Remote: true}
	for _, p := range []string{"/etc/passwd", "/srv/rollcall/inbox/7/roster.zip", "relative.csv"} {
		if err := local.ReadableFiles(p); err != nil {
			t.Errorf("a local console may not read %s: %v", p, err)
		}
	}
	cases := map[string]bool{
		"/srv/rollcall/inbox/7":                  true,
		"/srv/rollcall/inbox/7/roster.zip":       true,
		"/srv/rollcall/inbox/7/../8/theirs.csv":  false,
		"/srv/rollcall/inbox/70/other-admin.csv": false,
		"/srv/rollcall/inbox":                    false,
		"/etc/passwd":                            false,
		"roster.zip":                             false,
	}
	for p, ok := range cases {
		err := remote.ReadableFiles(p)
		if ok != (err == nil) || (err != nil && !errors.Is(err, model.ErrServerFiles)) {
			t.Errorf("over SSH, ReadableFiles(%s) = %v, want readable %v", p, err, ok)
		}
		if bare.ReadableFiles(p) == nil {
			t.Errorf("a console over SSH without an inbox may read %s", p)
		}
	}
}
