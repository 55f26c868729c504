package main

import (
	"fmt"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// notifierTexts writes the admins' account emails (verification codes, invitations) from the
// catalogues. The app's MailNotifier sends them once SMTP is configured (rollcall settings
// smtp); until then the codes are shown instead.
func notifierTexts() app.NotifierTexts {
	return app.NotifierTexts{
		Verification: func(lang model.Language, code string) (string, string) {
			t := i18n.For(lang).MailMerge
			return t.VerifySubject, fmt.Sprintf(t.VerifyBody, code)
		},
		AdminReset: func(lang model.Language, code string) (string, string) {
			t := i18n.For(lang).Admins
			return t.ResetSubject, fmt.Sprintf(t.ResetBody, code)
		},
		Invitation: func(lang model.Language, inv app.InvitationMail) (string, string) {
			cat := i18n.For(lang)
			t := cat.MailMerge
			return fmt.Sprintf(t.InviteSubject, inv.OrgName),
				fmt.Sprintf(t.InviteBody, inv.InvitedBy, inv.OrgName, inv.Code, cat.DateTime(inv.ExpiresAt))
		},
	}
}
