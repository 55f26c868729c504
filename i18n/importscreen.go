package i18n

// ImportScreenTexts are the console's import screen words that the CLI does not need: the file
// picker, the detection preview, the options form, live progress, the diff and the history tab.
// Reports, stages, change kinds and file errors come from ImportTexts.
type ImportScreenTexts struct {
	TabImport, TabHistory string

	// The file picker.
	PickTitle, Marked, NothingMarked, EmptyFolder, PathLabel, PathPlaceholder string
	Folder, Archive                                                           string

	// The detection preview.
	DetectTitle, Format, Encoding, Delimiter, Profile, Sheet, SetFiles, Preview, NoFormat string
	ProfileFromRows, Tab, DetectNext                                                      string

	// The options form.
	OptionsTitle, Source, SourceHint, Org, OrgHint, OrgFromFiles, Force, ForceHint string
	MaxDeletions, MaxDeletionsHint, MaxDeletionsInvalid, NoOrg                     string

	// Progress.
	DryRunning, Importing, Cancelling, Cancelled, Rows, Matched, Hashed, Written string

	// The diff and the report.
	DiffTitle, ReportTitle, NoChanges, Problems, ConfirmImport, Position, All, Blocked string
	FieldClasses, FieldGroups, FieldChildren, FieldLogin, Empty                        string

	// The history tab.
	NoHistory, ConfirmUndo, Undoing string
	Problem                         Noun

	// Key help.
	KeyMark, KeyOpen, KeyParent, KeyPath, KeyDetect, KeyOptions, KeyCancel, KeyImport, KeyTab string
	KeyPage, KeyUndo, KeyYes, KeyNo, KeyNew, KeyFilter                                        string
}

func importScreenEN() ImportScreenTexts {
	return ImportScreenTexts{
		TabImport: "Import", TabHistory: "History",

		PickTitle: "Choose the files to import: files, a folder or a .zip",
		Marked:    "Marked: %s", NothingMarked: "Nothing marked: space marks the entry, / types a path.",
		EmptyFolder: "No roster files in this folder.", PathLabel: "Path: ", PathPlaceholder: "a file, a folder or a .zip, then enter",
		Folder: "folder", Archive: "archive",

		DetectTitle: "What the files are", Format: "format", Encoding: "encoding", Delimiter: "delimiter",
		Profile: "profile", Sheet: "sheet", SetFiles: "files: %s", Preview: "First rows of %s",
		NoFormat: "not readable", ProfileFromRows: "from each row", Tab: "tab",
		DetectNext: "enter sets the options and runs a dry run; nothing is written before you confirm.",

		OptionsTitle: "Options", Source: "Source", SourceHint: "Users are matched, and marked for deletion, within their source. Default: %s.",
		Org: "Organization", OrgHint: "It receives the users of one-school files.", OrgFromFiles: "As the files say",
		Force: "Overwrite fields set by hand?", ForceHint: "Also overwrites local admins' fields.",
		MaxDeletions: "Most users to mark for deletion", MaxDeletionsHint: "A count or a percentage of the source's users, such as 25 or 5%. Empty: 10%.",
		MaxDeletionsInvalid: "must be a count or a percentage such as 5%",
		NoOrg:               "You administer no organization yet: create one first (Admins screen, Schools, n), or import a OneRoster or SDS set that defines its schools.",

		DryRunning: "Dry run: computing the changes, nothing will be written", Importing: "Importing",
		Cancelling: "Cancelling…", Cancelled: "Cancelled: nothing was written.",
		Rows: "Rows read", Matched: "Users matched", Hashed: "Passwords hashed", Written: "Users written",

		DiffTitle: "Dry run: what the import would do", ReportTitle: "Import #%s done", NoChanges: "No user would change.",
		Problems:      "%s in the files: nothing can be imported until they are fixed.",
		ConfirmImport: "Write these changes now? (y/n)", Position: "%s–%s of %s", All: "all", Blocked: "kept (set by hand)",
		FieldClasses: "Classes", FieldGroups: "Groups", FieldChildren: "Children", FieldLogin: "Login", Empty: "(empty)",

		NoHistory: "No import yet.", ConfirmUndo: "Undo import #%s of %s (%s)? (y/n)", Undoing: "Undoing the import…",
		Problem: Noun{"problem", "problems"},

		KeyMark: "mark", KeyOpen: "open", KeyParent: "parent folder", KeyPath: "type a path", KeyDetect: "detect",
		KeyOptions: "options", KeyCancel: "cancel", KeyImport: "import", KeyTab: "import/history",
		KeyPage: "page", KeyUndo: "undo the latest import", KeyYes: "yes", KeyNo: "no", KeyNew: "new import", KeyFilter: "filter",
	}
}

func importScreenFR() ImportScreenTexts {
	return ImportScreenTexts{
		TabImport: "Importer", TabHistory: "Historique",

		PickTitle: "Choisissez ce qu'il faut importer : des fichiers, un dossier ou un .zip",
		Marked:    "Choisis : %s", NothingMarked: "Rien n'est choisi : espace choisit, / saisit un chemin.",
		EmptyFolder: "Aucun fichier d'annuaire dans ce dossier.", PathLabel: "Chemin : ", PathPlaceholder: "un fichier, un dossier ou un .zip, puis entrée",
		Folder: "dossier", Archive: "archive",

		DetectTitle: "Ce que sont les fichiers", Format: "format", Encoding: "encodage", Delimiter: "séparateur",
		Profile: "profil", Sheet: "feuille", SetFiles: "fichiers : %s", Preview: "Premières lignes de %s",
		NoFormat: "illisible", ProfileFromRows: "selon chaque ligne", Tab: "tabulation",
		DetectNext: "entrée règle les options et lance une simulation ; rien n'est écrit avant votre confirmation.",

		OptionsTitle: "Options", Source: "Source", SourceHint: "Les utilisateurs sont rapprochés, et marqués pour suppression, au sein de leur source. Par défaut : %s.",
		Org: "Établissement", OrgHint: "Il reçoit les utilisateurs des fichiers d'un seul établissement.", OrgFromFiles: "Selon les fichiers",
		Force: "Écraser les champs saisis à la main ?", ForceHint: "Écrase aussi les champs des administrateurs locaux.",
		MaxDeletions: "Nombre maximal d'utilisateurs à supprimer", MaxDeletionsHint: "Un nombre ou un pourcentage des utilisateurs de la source, comme 25 ou 5 %. Vide : 10 %.",
		MaxDeletionsInvalid: "doit être un nombre ou un pourcentage comme 5%",
		NoOrg:               "Vous n'administrez encore aucun établissement : créez-en un d'abord (écran Administrateurs, Établissements, n), ou importez un lot OneRoster ou SDS qui définit ses établissements.",

		DryRunning: "Simulation : calcul des changements, rien ne sera écrit", Importing: "Import en cours",
		Cancelling: "Annulation…", Cancelled: "Annulé : rien n'a été écrit.",
		Rows: "Lignes lues", Matched: "Utilisateurs rapprochés", Hashed: "Mots de passe chiffrés", Written: "Utilisateurs écrits",

		DiffTitle: "Simulation : ce que ferait l'import", ReportTitle: "Import n° %s terminé", NoChanges: "Aucun utilisateur ne changerait.",
		Problems:      "%s dans les fichiers : rien ne peut être importé avant leur correction.",
		ConfirmImport: "Écrire ces changements maintenant ? (o/n)", Position: "%s–%s sur %s", All: "tous", Blocked: "conservé (saisi à la main)",
		FieldClasses: "Classes", FieldGroups: "Groupes", FieldChildren: "Enfants", FieldLogin: "Identifiant", Empty: "(vide)",

		NoHistory: "Aucun import pour l'instant.", ConfirmUndo: "Annuler l'import n° %s du %s (%s) ? (o/n)", Undoing: "Annulation de l'import…",
		Problem: Noun{"problème", "problèmes"},

		KeyMark: "choisir", KeyOpen: "ouvrir", KeyParent: "dossier parent", KeyPath: "saisir un chemin", KeyDetect: "détecter",
		KeyOptions: "options", KeyCancel: "annuler", KeyImport: "importer", KeyTab: "import/historique",
		KeyPage: "page", KeyUndo: "annuler le dernier import", KeyYes: "oui", KeyNo: "non", KeyNew: "nouvel import", KeyFilter: "filtrer",
	}
}
