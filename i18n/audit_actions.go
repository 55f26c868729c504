package i18n

import "rollcall/model"

// The audit log's actions, by their codes: the codes stay in --json, people read these.

var auditActionsEN = map[model.AuditAction]string{
	model.AuditAdminInvite: "admin invited", model.AuditAdminUninvite: "invitation withdrawn",
	model.AuditAdminJoin: "admin joined", model.AuditAdminRemove: "admin removed",
	model.AuditSSHKeyAdd: "SSH key added", model.AuditSSHKeyRemove: "SSH key removed",
	model.AuditOrgCreate: "organization created", model.AuditOrgEdit: "school details changed",
	model.AuditUserCreate: "user created",
	model.AuditUserEdit:   "user edited", model.AuditUserSetAdmin: "local admin changed",
	model.AuditUserNewCode: "new activation code", model.AuditUserPending: "marked for deletion",
	model.AuditUserRestore: "user restored", model.AuditUserDelete: "user deleted",
	model.AuditImport: "import", model.AuditImportUndo: "import undone",
	model.AuditClaim: "subscription claimed", model.AuditSeatsAdd: "seats given",
	model.AuditSeatsRemove: "seats taken back", model.AuditSeatsSync: "seats synced",
	model.AuditVendorTrust: "vendor accepted", model.AuditVendorUntrust: "vendor no longer accepted",
	model.AuditRenew: "subscription renewed", model.AuditUserLink: "parent linked to a child",
	model.AuditUserUnlink: "parent unlinked from a child", model.AuditUserMerge: "accounts merged",
	model.AuditUserSuspend: "accounts suspended", model.AuditUserUnsuspend: "accounts given back",
	model.AuditYearClose: "school year closed", model.AuditYearUndo: "year close undone",
	"mailmerge.campaign": "email campaign created", "mailmerge.send": "emails sent",
	"mailmerge.cards": "login cards printed", "users.reset_code": "password reset code",
	"settings.mail":            "mail settings changed",
	"settings.password_policy": "password policy changed",
	"admins.reset_code":        "admin password reset code issued",
}

var auditActionsFR = map[model.AuditAction]string{
	model.AuditAdminInvite: "administrateur invité", model.AuditAdminUninvite: "invitation retirée",
	model.AuditAdminJoin: "administrateur ajouté", model.AuditAdminRemove: "administrateur retiré",
	model.AuditSSHKeyAdd: "clé SSH ajoutée", model.AuditSSHKeyRemove: "clé SSH retirée",
	model.AuditOrgCreate: "établissement créé", model.AuditOrgEdit: "fiche de l'établissement modifiée",
	model.AuditUserCreate: "utilisateur créé",
	model.AuditUserEdit:   "utilisateur modifié", model.AuditUserSetAdmin: "admin local modifié",
	model.AuditUserNewCode: "nouveau code d'activation", model.AuditUserPending: "marqué pour suppression",
	model.AuditUserRestore: "utilisateur restauré", model.AuditUserDelete: "utilisateur supprimé",
	model.AuditImport: "import", model.AuditImportUndo: "import annulé",
	model.AuditClaim: "abonnement réclamé", model.AuditSeatsAdd: "licences attribuées",
	model.AuditSeatsRemove: "licences reprises", model.AuditSeatsSync: "licences synchronisées",
	model.AuditVendorTrust: "fournisseur accepté", model.AuditVendorUntrust: "fournisseur retiré",
	model.AuditRenew: "abonnement renouvelé", model.AuditUserLink: "parent lié à un enfant",
	model.AuditUserUnlink: "parent délié d'un enfant", model.AuditUserMerge: "comptes fusionnés",
	model.AuditUserSuspend: "comptes suspendus", model.AuditUserUnsuspend: "comptes rétablis",
	model.AuditYearClose: "année scolaire clôturée", model.AuditYearUndo: "clôture d'année annulée",
	"mailmerge.campaign": "campagne d'e-mails créée", "mailmerge.send": "e-mails envoyés",
	"mailmerge.cards": "cartes imprimées", "users.reset_code": "code de réinitialisation",
	"settings.mail":            "réglages d'envoi modifiés",
	"settings.password_policy": "règle des mots de passe modifiée",
	"admins.reset_code":        "code de réinitialisation d'administrateur émis",
}
