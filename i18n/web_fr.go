package i18n

func webFR() WebTexts {
	return WebTexts{
		Lang: "fr", OtherLang: "en", OtherLangName: "English", SkipToContent: "Aller au formulaire",
		Product: "Rollcall", Menu: "Pages",
		SignIn: "Se connecter", SignOut: "Se déconnecter", Account: "Mon compte", Activate: "Activer mon compte",
		Forgot: "Mot de passe oublié ?",

		ActivateTitle:  "Activer votre compte",
		ActivateIntro:  "Saisissez l’identifiant et le code imprimés sur votre carte, puis choisissez votre mot de passe.",
		Login:          "Identifiant",
		Code:           "Code d’activation",
		CodeHint:       "8 caractères, comme sur votre carte ; tirets et majuscules sans importance.",
		Password:       "Mot de passe",
		Confirm:        "Mot de passe, encore une fois",
		ActivateSubmit: "Activer mon compte",
		ActivateDone:   "Votre compte %s est prêt. Connectez-vous avec votre nouveau mot de passe.",
		GoSignIn:       "Aller à la page de connexion",

		RulesTitle:  "Votre mot de passe doit contenir :",
		RuleLength:  "au moins %d caractères",
		RuleUpper:   "une majuscule (A–Z)",
		RuleLower:   "une minuscule (a–z)",
		RuleLetter:  "une lettre",
		RuleDigit:   "un chiffre (0–9)",
		RuleSpecial: "un caractère spécial, comme ! ? - # ou @",
		RulesBroken: "Ce mot de passe est refusé. Il doit contenir :",
		Mismatch:    "Les deux mots de passe ne sont pas identiques.",
		RuleMet:     "fait",
		RuleUnmet:   "manquant",

		CodeInvalid:   "Ce code ne correspond pas à cet identifiant. Vérifiez les deux sur votre carte ; rien n’a été modifié.",
		CodeUsed:      "Ce compte est déjà activé : connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.",
		CodeSpent:     "Ce code a déjà servi : demandez-en un nouveau. Rien n’a été modifié.",
		CodeExpired:   "Ce code a expiré : demandez-en un nouveau. Rien n’a été modifié.",
		Throttled:     "Trop de tentatives. Réessayez dans %s.",
		WrongSignIn:   "Identifiant ou mot de passe incorrect.",
		WrongPassword: "Votre mot de passe actuel est incorrect ; rien n’a été modifié.",
		Expired:       "Ce formulaire a expiré. Il a été renouvelé : envoyez-le à nouveau.",
		Failed:        "Un problème est survenu de notre côté. Réessayez plus tard.",
		EmailInvalid:  "Cette adresse e-mail n’est pas valide.",
		Required:      "Remplissez tous les champs.",

		SignInTitle: "Connexion", LoginOrEmail: "Identifiant ou e-mail", SignInSubmit: "Se connecter",
		SignedOut: "Vous êtes déconnecté.",

		AccountTitle: "Votre compte", Name: "Nom", Profile: "Profil", School: "Établissement", Classes: "Classes",
		None: "aucune", Email: "E-mail", NoEmail: "pas d’e-mail",
		ChangePassword: "Changer votre mot de passe", CurrentPassword: "Mot de passe actuel",
		NewPassword: "Nouveau mot de passe", SavePassword: "Changer mon mot de passe",
		PasswordChanged: "Votre mot de passe est changé.",
		ChangeEmail:     "Changer votre e-mail", NewEmail: "Nouvel e-mail (vide : aucun)", SaveEmail: "Changer mon e-mail",
		EmailChanged: "Votre e-mail est changé.",

		ResetTitle:    "Mot de passe oublié",
		ResetIntro:    "Si une adresse e-mail est connue, nous vous envoyons un code à usage unique. Sinon, votre établissement vous en donne un.",
		RequestTitle:  "Recevoir un code par e-mail",
		RequestSubmit: "M’envoyer un code",
		Emailed:       "Un code a été envoyé à %s. Il fonctionne une fois, pendant 7 jours : saisissez-le ci-dessous ou suivez le lien de l’e-mail.",
		AskSchool:     "Nous ne pouvons pas envoyer de code pour cet identifiant. Demandez un code de réinitialisation à votre établissement : il est imprimé sur votre carte.",
		HaveCode:      "J’ai un code",
		HaveCodeIntro: "Saisissez le code reçu par e-mail ou imprimé sur votre carte, puis votre nouveau mot de passe.",
		ResetSubmit:   "Changer mon mot de passe",
		ResetDone:     "Votre mot de passe est changé. Connectez-vous avec.",
		ResetCode:     "Code de réinitialisation",

		Serving: "Pages des comptes servies sur %s (les cartes des établissements sans adresse d’activation y renvoient)",

		Second: "%d seconde", Seconds: "%d secondes", Minute: "%d minute", Minutes: "%d minutes",
	}
}
