package i18n

import (
	"fmt"

	"rollcall/model"
)

// AdminsTexts are the words of several admins and of Rollcall over SSH: the Admins screen, the
// admins, ssh-keys and serve commands, the invitation step of signup, and their errors.
type AdminsTexts struct {
	// Title heads the Admins screen; the tabs switch between its lists.
	Title, TabAdmins, TabInvites, TabKeys, TabLog string
	// Column headers of the lists.
	ColName, ColEmail, ColOrgs, ColKeys, ColExpires, ColInvitedBy, ColFingerprint, ColComment string
	ColAdded, ColWhen, ColWho, ColAction, ColTarget                                           string
	// Empty lists, and the marks next to an admin.
	NoInvites, NoKeys, NoLog, You, Unverified, AnyEmail string
	// The invite form and its outcome: InviteShown has the email (or AnyEmail), the code and the
	// expiry; InviteEmailed the address.
	InviteTitle, InviteOrg, InviteEmail, InviteEmailHint, InviteShown, InviteEmailed string
	// Removal of an admin from organizations (email, organization names) and of an invitation.
	ConfirmRemove, Removed, ConfirmUninvite, Uninvited string
	// SSH keys: the form, and the outcome with the fingerprint.
	AddKeyTitle, AddKeyField, AddKeyHint, KeyAdded, ConfirmRemoveKey, KeyRemoved string
	// Signup through an invitation: the field, its hint, and who invites to what.
	InviteCode, InviteCodeHint, InvitedTo string
	// CLI: Joined names the organization an existing admin joined; NextSignup tells the invitee
	// the command to run; KeysHint says how to connect once a key is added.
	Joined, NextSignup, KeysHint string
	// The SSH server's messages on its terminal: address, host key fingerprint and file, stop.
	Listening, HostKey, Stopping, Stopped, NeedTerminal, NotRemote string

	// Errors.
	LastAdmin, InviteOtherEmail, AlreadyAdmin, SSHKeyInvalid, SSHKeyWeak string
	// ServerFiles refuses a file path in a console served over SSH.
	ServerFiles string

	// Help line of the Admins screen.
	KeyInvite, KeyRemove, KeyAddKey, KeyTab, KeyRefresh, KeyJoin string
	// The join form: an invitation code from another school's admin.
	JoinTitle, JoinField, JoinHint string

	// An admin's own password reset: the neutral answer to a request, the result, the code an
	// admin issues for another, and the email.
	ResetRequested, ResetDone, ResetIssued, ResetSubject, ResetBody string
	// The console's sign-in screen: the key, and the code field of the reset form.
	KeyForgot, ResetCodeField string

	// Schools is the tab of the admin's schools.
	Schools SchoolsTabTexts
}

// adminsMessage tells the team's errors.
func (c *Catalog) adminsMessage(m model.Message) (string, bool) {
	t := c.Admins
	switch m.ID {
	case model.MsgLastAdmin:
		return fmt.Sprintf(t.LastAdmin, arg[string](m, 0)), true
	case model.MsgInviteOtherEmail:
		return t.InviteOtherEmail, true
	case model.MsgAlreadyAdmin:
		return t.AlreadyAdmin, true
	case model.MsgSSHKeyWeak:
		return t.SSHKeyWeak, true
	case model.MsgSSHKeyInvalid:
		return t.SSHKeyInvalid, true
	case model.MsgServerFiles:
		return t.ServerFiles, true
	}
	return "", false
}

func adminsEN() AdminsTexts {
	return AdminsTexts{
		Schools: schoolsTabEN(),
		Title:   "Administrators", TabAdmins: "Admins", TabInvites: "Invitations", TabKeys: "My SSH keys", TabLog: "Activity",
		ColName: "Name", ColEmail: "Email", ColOrgs: "Organizations", ColKeys: "Keys", ColExpires: "Valid until",
		ColInvitedBy: "Invited by", ColFingerprint: "Fingerprint", ColComment: "Comment", ColAdded: "Added",
		ColWhen: "When", ColWho: "Who", ColAction: "Action", ColTarget: "On",
		NoInvites: "No pending invitation.", NoKeys: "No SSH key yet: add one with a to connect with ssh.",
		NoLog: "Nothing recorded yet.", You: "(you)", Unverified: "(not verified yet)", AnyEmail: "anyone with the code",
		InviteTitle: "Invite an administrator", InviteOrg: "Organization", InviteEmail: "Their email (optional)",
		InviteEmailHint: "With an email, only that address can accept. Leave empty to hand over the code.",
		InviteShown:     "Invitation for %s: code %s, valid until %s. It works once.",
		InviteEmailed:   "Invitation emailed to %s.",
		ConfirmRemove:   "Remove %s as admin of %s?", Removed: "%s is no longer an admin of %s.",
		ConfirmUninvite: "Withdraw the invitation for %s?", Uninvited: "Invitation withdrawn.",
		AddKeyTitle: "Add an SSH public key", AddKeyField: "Public key",
		AddKeyHint: "Paste one line of ~/.ssh/id_ed25519.pub (ssh-ed25519 AAAA… comment).",
		KeyAdded:   "SSH key %s added.", ConfirmRemoveKey: "Remove the SSH key %s?", KeyRemoved: "SSH key %s removed.",
		InviteCode: "Invitation code (optional)", InviteCodeHint: "From the admin who invited you; leave empty otherwise.",
		InvitedTo:  "Invitation to administer %s, from %s.",
		Joined:     "You are now an admin of %s.",
		NextSignup: "The new admin runs: rollcall signup --invited --name \"…\" --email … --country … and types the code %s at the prompt",
		KeysHint:   "Connect with: ssh -p <port> <server>",
		Listening:  "Rollcall SSH server listening on %s",
		HostKey:    "Host key %s (%s)",
		Stopping:   "Stopping: no new connections; waiting for open sessions to finish.",
		Stopped:    "Stopped.",
		NeedTerminal: "This server shows the console on a terminal: connect with ssh -t, or give a command " +
			"(ssh … users list --json).",
		NotRemote:        "%s cannot run over SSH: it reads or writes files on the server.",
		LastAdmin:        "This is the last admin of “%s”: invite another one before removing them.",
		InviteOtherEmail: "This invitation was sent to another email address.",
		AlreadyAdmin:     "Already an admin of this organization.",
		SSHKeyInvalid:    "This is not an SSH public key: paste one line of a .pub file.",
		SSHKeyWeak:       "This key is too weak: use an Ed25519 key (ssh-keygen -t ed25519), or RSA of 2048 bits or more.",
		ServerFiles: "Over SSH, files would be the server's: send yours to your inbox (sftp or scp to this server), " +
			"or use the commands over ssh (import -, merge pdf -o -, users export -o -).",
		KeyJoin: "join with a code", JoinTitle: "Join another school", JoinField: "Invitation code",
		JoinHint: "The code an admin of that school gave you: you will administer it too.",
		ResetRequested: "If %s is an admin's email and one of their schools can send email, a reset code is on its way " +
			"(valid one hour). Otherwise another admin of your school gives you one: rollcall reset-admin-password --for EMAIL.",
		ResetDone: "Your password is changed: sign in with it.",
		KeyForgot: "forgot password", ResetCodeField: "Reset code (from the email, or from another admin)",
		ResetIssued:  "Reset code for %s, valid until %s (it works once): hand it over. They run rollcall reset-admin-password --email … --use-code.",
		ResetSubject: "Your Rollcall password reset code",
		ResetBody: "Hello,\n\nYour Rollcall password reset code is: %s\n\nIt works once, for one hour: " +
			"rollcall reset-admin-password --email … --use-code.\n\nIf you did not ask for it, ignore this email: your password stays.\n",
		KeyInvite: "invite", KeyRemove: "remove", KeyAddKey: "add key", KeyTab: "next list", KeyRefresh: "refresh",
	}
}

func adminsFR() AdminsTexts {
	return AdminsTexts{
		Schools: schoolsTabFR(),
		Title:   "Administrateurs", TabAdmins: "Administrateurs", TabInvites: "Invitations", TabKeys: "Mes clés SSH",
		TabLog:  "Activité",
		ColName: "Nom", ColEmail: "E-mail", ColOrgs: "Établissements", ColKeys: "Clés", ColExpires: "Valable jusqu’au",
		ColInvitedBy: "Invité par", ColFingerprint: "Empreinte", ColComment: "Commentaire", ColAdded: "Ajoutée",
		ColWhen: "Quand", ColWho: "Qui", ColAction: "Action", ColTarget: "Sur",
		NoInvites: "Aucune invitation en attente.", NoKeys: "Aucune clé SSH : ajoutez-en une avec a pour vous connecter en ssh.",
		NoLog: "Rien d’enregistré pour l’instant.", You: "(vous)", Unverified: "(pas encore vérifié)",
		AnyEmail:    "toute personne ayant le code",
		InviteTitle: "Inviter un administrateur", InviteOrg: "Établissement", InviteEmail: "Son e-mail (facultatif)",
		InviteEmailHint: "Avec un e-mail, seule cette adresse peut accepter. Laissez vide pour remettre le code.",
		InviteShown:     "Invitation pour %s : code %s, valable jusqu’au %s. Il ne sert qu’une fois.",
		InviteEmailed:   "Invitation envoyée par e-mail à %s.",
		ConfirmRemove:   "Retirer %s des administrateurs de %s ?", Removed: "%s n’administre plus %s.",
		ConfirmUninvite: "Retirer l’invitation pour %s ?", Uninvited: "Invitation retirée.",
		AddKeyTitle: "Ajouter une clé publique SSH", AddKeyField: "Clé publique",
		AddKeyHint: "Collez une ligne de ~/.ssh/id_ed25519.pub (ssh-ed25519 AAAA… commentaire).",
		KeyAdded:   "Clé SSH %s ajoutée.", ConfirmRemoveKey: "Supprimer la clé SSH %s ?", KeyRemoved: "Clé SSH %s supprimée.",
		InviteCode: "Code d’invitation (facultatif)", InviteCodeHint: "Donné par l’administrateur qui vous invite ; sinon laissez vide.",
		InvitedTo:  "Invitation à administrer %s, de la part de %s.",
		Joined:     "Vous administrez désormais %s.",
		NextSignup: "Le nouvel administrateur lance : rollcall signup --invited --name \"…\" --email … --country … et tape le code %s à l'invite",
		KeysHint:   "Connexion : ssh -p <port> <serveur>",
		Listening:  "Serveur SSH Rollcall à l’écoute sur %s",
		HostKey:    "Clé d’hôte %s (%s)",
		Stopping:   "Arrêt : plus de nouvelles connexions ; attente de la fin des sessions ouvertes.",
		Stopped:    "Arrêté.",
		NeedTerminal: "Ce serveur affiche la console dans un terminal : connectez-vous avec ssh -t, ou donnez une " +
			"commande (ssh … users list --json).",
		NotRemote:        "%s ne peut pas s’exécuter par SSH : la commande lit ou écrit des fichiers sur le serveur.",
		LastAdmin:        "C’est le dernier administrateur de « %s » : invitez-en un autre avant de le retirer.",
		InviteOtherEmail: "Cette invitation a été envoyée à une autre adresse e-mail.",
		AlreadyAdmin:     "Déjà administrateur de cet établissement.",
		SSHKeyInvalid:    "Ce n’est pas une clé publique SSH : collez une ligne d’un fichier .pub.",
		SSHKeyWeak:       "Cette clé est trop faible : utilisez une clé Ed25519 (ssh-keygen -t ed25519), ou RSA d’au moins 2048 bits.",
		ServerFiles: "Par SSH, les fichiers seraient ceux du serveur : envoyez les vôtres dans votre boîte de dépôt " +
			"(sftp ou scp vers ce serveur), ou passez par les commandes par ssh (import -, merge pdf -o -, users export -o -).",
		KeyJoin: "rejoindre avec un code", JoinTitle: "Rejoindre un autre établissement", JoinField: "Code d’invitation",
		JoinHint: "Le code que vous a donné un administrateur de cet établissement : vous l’administrerez aussi.",
		ResetRequested: "Si %s est l’e-mail d’un administrateur et qu’un de ses établissements peut envoyer des e-mails, " +
			"un code de réinitialisation est en route (valable une heure). Sinon, un autre administrateur de votre établissement " +
			"vous en donne un : rollcall reset-admin-password --for E-MAIL.",
		ResetDone: "Votre mot de passe est changé : connectez-vous avec.",
		KeyForgot: "mot de passe oublié", ResetCodeField: "Code de réinitialisation (reçu par e-mail, ou d’un autre administrateur)",
		ResetIssued:  "Code de réinitialisation pour %s, valable jusqu’au %s (il sert une fois) : transmettez-le. Il ou elle lance rollcall reset-admin-password --email … --use-code.",
		ResetSubject: "Votre code de réinitialisation Rollcall",
		ResetBody: "Bonjour,\n\nVotre code de réinitialisation Rollcall est : %s\n\nIl sert une fois, pendant une heure : " +
			"rollcall reset-admin-password --email … --use-code.\n\nSi vous ne l’avez pas demandé, ignorez cet e-mail : votre mot de passe ne change pas.\n",
		KeyInvite: "inviter", KeyRemove: "retirer", KeyAddKey: "ajouter une clé", KeyTab: "liste suivante",
		KeyRefresh: "actualiser",
	}
}
