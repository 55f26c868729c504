package i18n

import (
	"testing"

	"rollcall/model"
)

// The details app writes, in the shapes it writes them, read as sentences in either language;
// a detail of another shape is left as it is.
func TestAuditDetailsInWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action model.AuditAction
		detail string
		en, fr string
	}{
		{model.AuditImport, "run 3 (ent): 1200 created, 4 updated, 0 pending deletion",
			"import #3 (source ent): 1,200 created, 4 updated, 0 to be deleted",
			"import n° 3 (source ent) : 1\u202f200 créés, 4 mis à jour, 0 à supprimer"},
		{model.AuditImport, "run 4 (ent): 1 created, 0 updated, 2 pending deletion",
			"import #4 (source ent): 1 created, 0 updated, 2 to be deleted",
			"import n° 4 (source ent) : 1 créé, 0 mis à jour, 2 à supprimer"},
		{"settings.mail", "smtp smtp.example.org:0 none, from noreply@example.org, activation ",
			"mail server smtp.example.org (port the usual one, without TLS), sender noreply@example.org, activation address none",
			"serveur d'envoi smtp.example.org (port habituel, sans TLS), expéditeur noreply@example.org, adresse d'activation aucune"},
		{"settings.password_policy", "student: 10+ upper,letter,digit",
			"Student: at least 10 characters, with ", "Élève : au moins 10 caractères, avec "},
		{"settings.deletion_grace", "1", "grace period before deletion: 1 day", "délai avant suppression : 1 jour"},
		{model.AuditClaim, "Manuels numériques — Français 4e, 90 seats",
			"Manuels numériques — Français 4e, 90 seats", "Manuels numériques — Français 4e, 90 licences"},
		{model.AuditRenew, "Atlas, order DEMO-3002: until 2028-08-31, +10 seats",
			"Atlas, order DEMO-3002: until 31 Aug 2028, 10 seats more", "Atlas, commande DEMO-3002 : jusqu'au 31 août 2028, 10 licences de plus"},
		{"mailmerge.cards", "25 cards, 4 pages, 2 files", "25 cards on 4 pages, 2 files", "25 cartes sur 4 pages, 2 fichiers"},
		{model.AuditSeatsAdd, "typed: +2 ana@example.fr, bob@example.fr",
			"typed: 2 seats given: ana@example.fr, bob@example.fr", "saisies : 2 licences attribuées : ana@example.fr, bob@example.fr"},
		{model.AuditSeatsSync, "roster:org=1:teachers: +40 a@x.fr (+39); -1 b@x.fr",
			"sync roster:org=1:teachers: 40 seats given: a@x.fr (+39); 1 seat taken back: b@x.fr",
			"synchronisation roster:org=1:teachers : 40 licences attribuées : a@x.fr (+39) ; 1 licence reprise : b@x.fr"},
		{model.AuditYearClose, "2025-2026: 900 left classes, 26 classes archive, 3 deleted, 5 seats freed, 12 codes voided",
			"2025-2026: 900 left their classes, 26 classes archived, 3 deleted, 5 seats freed, 12 codes voided",
			"2025-2026 : 900 sortis de leurs classes, 26 classes archivées, 3 supprimés, 5 licences libérées, 12 codes annulés"},
		{model.AuditUserCreate, "lea.colin", "lea.colin", "lea.colin"},
		{model.AuditImport, "an older shape", "an older shape", "an older shape"},
	}
	for _, tt := range tests {
		for lang, want := range map[model.Language]string{model.English: tt.en, model.French: tt.fr} {
			got := For(lang).AuditDetail(tt.action, tt.detail)
			if len(got) < len(want) || got[:len(want)] != want {
				t.Errorf("%s %s %q:\n got %q\nwant %q…", lang, tt.action, tt.detail, got, want)
			}
		}
	}
}
