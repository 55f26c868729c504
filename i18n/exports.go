package i18n

// ExportTexts are the words of the exports to the platforms schools feed: what is said of the
// users a platform's files have no place for.
type ExportTexts struct {
	// LeftOut follows an export that wrote fewer users than were selected: the platform's files
	// have no place for some profiles (guests in OneRoster and SDS, parents and staff in the
	// textbook platform's templates; SDS knows a parent only through a child in the same files).
	LeftOut string
}

func exportsEN() ExportTexts {
	return ExportTexts{
		LeftOut: "%s left out: the platform's files have no place for their profile (a guest; a parent without a child in an SDS export; anyone but pupils and teachers in the textbook templates).",
	}
}

func exportsFR() ExportTexts {
	return ExportTexts{
		LeftOut: "%s laissés de côté : les fichiers de la plateforme n'ont pas de place pour leur profil (un invité ; un parent sans enfant dans un export SDS ; tout autre qu'élèves et enseignants dans les modèles du manuel numérique).",
	}
}

// platformFormatsEN name the export formats of the platforms schools feed, by their --format
// name, in the console's export form.
func platformFormatsEN() map[string]string {
	return map[string]string{
		"moodle":        "Moodle: upload users (CSV, classes as cohorts)",
		"oneroster-1.1": "OneRoster 1.1: roster set (zip of CSV files)",
		"oneroster-1.2": "OneRoster 1.2: roster set (zip of CSV files)",
		"sds-v2.1":      "Microsoft School Data Sync v2.1 (zip of CSV files)",
	}
}

func platformFormatsFR() map[string]string {
	return map[string]string{
		"moodle":        "Moodle : dépôt d'utilisateurs (CSV, classes en cohortes)",
		"oneroster-1.1": "OneRoster 1.1 : jeu de fichiers (zip de CSV)",
		"oneroster-1.2": "OneRoster 1.2 : jeu de fichiers (zip de CSV)",
		"sds-v2.1":      "Microsoft School Data Sync v2.1 (zip de CSV)",
	}
}
