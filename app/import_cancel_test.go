package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// writeOneRosterSet writes a OneRoster 1.1 set of one school (which the import creates) and n
// students, and returns its folder.
func writeOneRosterSet(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"manifest.csv": "propertyName,value\nmanifest.version,1\noneroster.version,1.1\n",
		"orgs.csv":     "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nsch-1,,,Lycée Neuf,school,0690001A,\n",
	}
	var b strings.Builder
	b.WriteString("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n")
	for i := range n {
		fmt.Fprintf(&b, "u%06d,,,true,sch-1,student,,,Léa%d,MARTIN,,,,,,,09,\n", i, i)
	}
	files["users.csv"] = b.String()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// importTrace is everything an import leaves: users, schools, the admin's schools, the history
// and the audit log.
type importTrace struct{ users, orgs, granted, runs, audits int }

func traceOf(t *testing.T, f *fixture, admin model.ID) importTrace {
	t.Helper()
	ctx := context.Background()
	var tr importTrace
	tr.users, _ = f.store.CountUsers(ctx)
	orgs, _ := f.store.ListOrgs(ctx)
	a, _ := f.store.Admin(ctx, admin)
	runs, _ := f.store.ListImports(ctx)
	events, _ := f.store.ListAudit(ctx, 0)
	tr.orgs, tr.granted, tr.runs = len(orgs), len(a.OrgIDs), len(runs)
	for _, e := range events {
		if e.Action == model.AuditImport {
			tr.audits++
		}
	}
	return tr
}

// A cancel at any stage of an import that creates a school leaves nothing of it: no user, no
// school, no grant, no history entry, no audit entry; the same import then runs complete.
func TestCancelAtEveryStageWritesNothing(t *testing.T) {
	const n = 12_000
	set := writeOneRosterSet(t, n)
	for _, stage := range []ImportStage{StageParsing, StageMatching, StageWriting} {
		t.Run(fmt.Sprint(stage), func(t *testing.T) {
			f := newFixture(t)
			admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			seen := false
			_, err := f.app.importFiles(ctx, admin, inputs(set), ImportOptions{}, func(p ImportProgress) {
				if p.Stage == stage {
					seen = true
					cancel()
				}
			})
			if !seen {
				t.Fatalf("the import never reported stage %d", stage)
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled import: %v, want context.Canceled", err)
			}
			if tr := traceOf(t, f, admin.ID); tr != (importTrace{}) {
				t.Fatalf("a cancelled import left %+v", tr)
			}
			if _, err := f.app.importFiles(context.Background(), admin, inputs(set), ImportOptions{}, nil); err != nil {
				t.Fatal(err)
			}
			if tr := traceOf(t, f, admin.ID); tr != (importTrace{users: n, orgs: 1, granted: 1, runs: 1, audits: 1}) {
				t.Fatalf("the import after a cancel left %+v", tr)
			}
		})
	}
}

// cancelAfterApply is a store whose Apply is interrupted by a Ctrl-C while it commits: the
// batch is written, then the import's context is cancelled before Apply returns.
type cancelAfterApply struct {
	storage.Store
	cancel context.CancelFunc
}

func (s cancelAfterApply) Apply(ctx context.Context, b storage.Batch) (storage.Applied, error) {
	applied, err := s.Store.Apply(ctx, b)
	s.cancel()
	return applied, err
}

// A Ctrl-C that lands while the transaction commits leaves the whole import: the school is
// granted to the admin and the audit entry is there, and the import reports success.
func TestCancelDuringCommitLeavesEverything(t *testing.T) {
	const n = 2_000
	set := writeOneRosterSet(t, n)
	f := newFixture(t)
	admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := New(cancelAfterApply{f.store, cancel}, Options{Clock: f.clock.Now, Argon2: cheapArgon2})
	rep, err := a.importFiles(ctx, admin, inputs(set), ImportOptions{}, nil)
	if err != nil || rep.RunID == 0 {
		t.Fatalf("an import committed before the cancel: %v (run %d)", err, rep.RunID)
	}
	if tr := traceOf(t, f, admin.ID); tr != (importTrace{users: n, orgs: 1, granted: 1, runs: 1, audits: 1}) {
		t.Fatalf("an import cancelled while it committed left %+v", tr)
	}
}
