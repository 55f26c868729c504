package i18n

import "sync"

// frenchHelp is every command's and flag's French text: some 650 of them, made once, when a
// French --help or catalogue first needs them, and never changed after, so that a catalogue,
// which screens make often, does not cost their making.
var frenchHelp = sync.OnceValue(func() *helpBook {
	b := newHelpBook()
	helpFRAccounts(b)
	helpFRDirectory(b)
	helpFRUsers(b)
	helpFRLicensing(b)
	helpFRSettings(b)
	return b
})

func helpFR() HelpTexts {
	return HelpTexts{
		Usage: "Utilisation :", Aliases: "Alias :", Examples: "Exemples :", AvailableCommands: "Commandes disponibles :",
		AdditionalCommands: "Autres commandes :", Flags: "Options :", GlobalFlags: "Options globales :",
		AdditionalTopics: "Autres sujets d'aide :", CommandWord: "[commande]", FlagsWord: "[options]",
		MoreInfo: "Lancez « %s [commande] --help » pour l'aide d'une commande.",
		HelpFlag: "afficher l'aide de « %s »", VersionFlag: "afficher la version de « %s »",
		Default: "(par défaut : %s)", Deprecated: "(OBSOLÈTE : %s)",
		Text: "texte", Texts: "textes", Number: "entier", Numbers: "entiers", Duration: "durée", Value: "valeur",

		UnknownFlag: "option inconnue : %s", UnknownShorthand: "option courte inconnue : %q dans %s",
		FlagNeedsValue: "l'option %s attend une valeur", FlagNeedsValueShort: "l'option %q attend une valeur (dans %s)",
		InvalidFlagValue: "valeur « %s » refusée pour l'option %s : %s",
		NotANumber:       "un nombre entier est attendu", OutOfRange: "nombre hors limites", NotABool: "true ou false est attendu",
		NotADuration: "une durée est attendue, comme 30s, 10m ou 2h", BadFlagSyntax: "syntaxe d'option incorrecte : %s",
		RequiredFlags: Noun{One: "option obligatoire manquante : %s", Many: "options obligatoires manquantes : %s"}, RequiredFlag: "--%s",
		ArgsExact: "la commande attend %s, elle en a reçu %d", ArgsAtMost: "la commande attend au plus %s, elle en a reçu %d",
		ArgsAtLeast: "la commande attend au moins %s, elle en a reçu %d", ArgsBetween: "la commande attend de %d à %s, elle en a reçu %d",
		Arguments: Noun{One: "%s argument", Many: "%s arguments"},

		book: frenchHelp,
	}
}
