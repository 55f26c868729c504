package app

import (
	"testing"

	"rollcall/i18n"
	"rollcall/model"
)

// The actions app records itself have words in both languages too.
func TestAppAuditActionsAreTranslated(t *testing.T) {
	for _, lang := range []model.Language{model.English, model.French} {
		cat := i18n.For(lang)
		for _, a := range []model.AuditAction{AuditCampaignCreate, AuditCampaignRun, AuditResetCode, AuditCards, AuditMailSettings, AuditPasswordPolicy, AuditAdminResetCode} {
			if got := cat.AuditAction(a); got == string(a) {
				t.Errorf("%s: %s has no words", lang, a)
			}
		}
	}
}
