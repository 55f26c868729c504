package i18n

import (
	"maps"
	"slices"
	"testing"

	"rollcall/model"
)

// Both languages name the same actions, each with words rather than its code.
func TestAuditActionsInBothLanguages(t *testing.T) {
	en, fr := slices.Sorted(maps.Keys(auditActionsEN)), slices.Sorted(maps.Keys(auditActionsFR))
	if !slices.Equal(en, fr) {
		t.Fatalf("the languages name different actions:\nen %v\nfr %v", en, fr)
	}
	model := []model.AuditAction{model.AuditAdminInvite, model.AuditAdminUninvite, model.AuditAdminJoin,
		model.AuditAdminRemove, model.AuditSSHKeyAdd, model.AuditSSHKeyRemove, model.AuditOrgCreate, model.AuditOrgEdit,
		model.AuditUserCreate, model.AuditUserEdit, model.AuditUserSetAdmin, model.AuditUserNewCode,
		model.AuditUserPending, model.AuditUserRestore, model.AuditUserDelete, model.AuditImport,
		model.AuditImportUndo, model.AuditClaim, model.AuditSeatsAdd, model.AuditSeatsRemove,
		model.AuditSeatsSync, model.AuditVendorTrust, model.AuditVendorUntrust}
	for _, lang := range []*Catalog{For("en"), For("fr")} {
		for _, a := range model {
			if got := lang.AuditAction(a); got == string(a) || got == "" {
				t.Errorf("%s: %s has no words", lang.Lang, a)
			}
		}
	}
	if got := For("fr").AuditAction("something.new"); got != "something.new" {
		t.Errorf("an unknown action reads %q, want its code", got)
	}
}
