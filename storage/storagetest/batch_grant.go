package storagetest

import (
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var batchGrantTests = []test{
	{"a batch grants its new organization and records its audit", testBatchGrantAudit},
	{"a failed batch grants nothing and records no audit", testBatchGrantAuditAtomic},
}

// importLike is a batch as an import makes it: a new school, a user in it, the school granted to
// the admin and the audit event naming the school's real id.
func importLike(admin model.ID, login string) storage.Batch {
	return storage.Batch{
		Orgs:  []model.Organization{{ID: model.TempID(1), Name: "New school"}},
		Users: []model.User{{ID: model.TempID(2), OrgID: model.TempID(1), Login: login}},
		Grant: &storage.Grant{AdminID: admin, OrgIDs: []model.ID{model.TempID(1)}},
		Audit: func(ids map[model.ID]model.ID) []model.AuditEvent {
			return []model.AuditEvent{{AdminID: admin, Action: model.AuditImport, OrgID: ids[model.TempID(1)], Detail: "import"}}
		},
	}
}

func testBatchGrantAudit(t *testing.T, s storage.Store) {
	a := newAdmin("Ada", "ada@example.org")
	a.OrgIDs = nil
	must(t, "CreateAdmin", s.CreateAdmin(bg, &a))
	applied, err := s.Apply(bg, importLike(a.ID, "first"))
	must(t, "Apply", err)
	org := applied.IDs[model.TempID(1)]
	got, err := s.Admin(bg, a.ID)
	must(t, "Admin", err)
	if len(got.OrgIDs) != 1 || got.OrgIDs[0] != org {
		t.Errorf("admin's organizations = %v, want [%d]", got.OrgIDs, org)
	}
	events, err := s.ListAudit(bg, 0)
	must(t, "ListAudit", err)
	if len(events) != 1 || events[0].OrgID != org || events[0].ID == 0 {
		t.Errorf("audit = %+v, want one event about organization %d", events, org)
	}
}

func testBatchGrantAuditAtomic(t *testing.T, s storage.Store) {
	a := newAdmin("Ada", "ada@example.org")
	a.OrgIDs = nil
	must(t, "CreateAdmin", s.CreateAdmin(bg, &a))
	_, err := s.Apply(bg, importLike(a.ID, "taken"))
	must(t, "Apply", err)
	_, err = s.Apply(bg, importLike(a.ID, "TAKEN")) // the login is taken: nothing of it may stay
	if !errors.Is(err, storage.ErrConflict) {
		t.Fatalf("Apply with a taken login: %v, want ErrConflict", err)
	}
	orgs, _ := s.ListOrgs(bg)
	got, _ := s.Admin(bg, a.ID)
	events, _ := s.ListAudit(bg, 0)
	if len(orgs) != 1 || len(got.OrgIDs) != 1 || len(events) != 1 {
		t.Errorf("a failed batch wrote: %d orgs, admin of %v, %d audit events", len(orgs), got.OrgIDs, len(events))
	}
	_, err = s.Apply(bg, importLike(4242, "other")) // an unknown admin fails the batch
	if !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("granting to an unknown admin: %v, want ErrNotFound", err)
	}
	if orgs, _ := s.ListOrgs(bg); len(orgs) != 1 {
		t.Errorf("a batch for an unknown admin left %d orgs", len(orgs))
	}
}
