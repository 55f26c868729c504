package i18n

// DirectoryTexts are the console's Users and Classes & groups screens. The column headers and
// the CLI's sentences (Exported, MarkedPending, …) live in UsersTexts and are shared.
type DirectoryTexts struct {
	Users   UsersScreenTexts
	Filters FilterTexts
	Detail  DetailTexts
	Forms   UserFormTexts
	Sets    SetsScreenTexts
	Keys    DirectoryKeyTexts
	Saved   SavedFilterTexts
}

// SavedFilterTexts are the named filters: saving, listing, applying and deleting them.
type SavedFilterTexts struct {
	Saved, Deleted, Applied, None, NoneHint string
	SaveTitle, NameField, NameHint          string
	PickTitle, PickHint, KeySave, KeyOpen   string
}

// UsersScreenTexts are the Users screen's own lines and notices.
type UsersScreenTexts struct {
	// NoMatch replaces the rows when the filters select nobody; Range is "rows 1–20".
	NoMatch, Range, Filtering string
	// AdminOn, AdminOff and NewCode confirm actions on one user; NothingChanged an edit that
	// changed nothing.
	AdminOn, AdminOff, NewCode, NothingChanged string
	// ConfirmDelete and ConfirmRegen ask before what cannot be undone.
	ConfirmDelete, ConfirmRegen string
	// Exporting is shown while an export runs; CancelHint says how to stop it.
	Exporting, CancelHint string
}

// FilterTexts label the Users screen's filter panel and its values.
type FilterTexts struct {
	Search, Profiles, Classes, Activation, Email, LocalAdmins, CreatedFrom, CreatedTo, Pending, Sort string
	All, Activated, NotActivated, WithEmail, WithoutEmail, OnlyLocalAdmins                           string
	PendingExcluded, PendingIncluded, PendingOnly                                                    string
	SortName, SortProfile, SortClass                                                                 string
	SearchHint, DateHint, ChooseHint, PickerTitle, PickerHint, NoClass                               string
}

// DetailTexts are the detail view of one user.
type DetailTexts struct {
	Login, Code, ActivatedOn, Classes, Groups, Children, LocalAdmin, Created, Updated string
	Pending, PendingSince, Source, CreatedByHand, Provenance, FromImport, ByHand      string
	NoProvenance, Language                                                            string
}

// UserFormTexts title the forms of the Users screen.
type UserFormTexts struct {
	EditTitle, NewTitle, School, DefaultLanguage, Memberships     string
	ExportTitle, Format, FormatCSV, FormatCSVFr, FormatXLSX, Path string
	PathHint, DateHint                                            string
	// Formats name the export formats of the platforms schools feed, by their --format name.
	Formats map[string]string
	// ExportDryRun says what an export would write (users export --dry-run).
	ExportDryRun string
}

// SetsScreenTexts are the Classes & groups screen.
type SetsScreenTexts struct {
	TabClasses, TabGroups, Name, Code, Level, Members, School       string
	EmptyClasses, EmptyGroups, NewClass, NewGroup, Rename, CodeHint string
	ConfirmDelete, Created, Renamed, Deleted, AddTitle, AddHint     string
	Added, Removed, NoMembers                                       string
	Member                                                          Noun
}

// DirectoryKeyTexts describe the keys of the directory screens in the help line.
type DirectoryKeyTexts struct {
	PageUp, PageDown, First, Last, Focus, Search, Toggle, Change, Choose, Details string
	Edit, New, Export, Admin, Regen, Pending, Restore, Delete, Clear, MailMerge   string
	Close, Cancel, Tabs, Rename, Members, Add, Remove                             string
}

func directoryEN() DirectoryTexts {
	return DirectoryTexts{
		Saved: SavedFilterTexts{
			Saved: "Filter \"%s\" saved: %s.", Deleted: "Filter \"%s\" deleted.", Applied: "Filter \"%s\" applied.",
			None: "No saved filter.", NoneHint: "Save one with rollcall filters save NAME [filters].",
			SaveTitle: "Save these filters", NameField: "Filter name",
			NameHint:  "To find them again with F, or from the mail merge (f).",
			PickTitle: "Saved filters", PickHint: "enter applies · x deletes · esc closes",
			KeySave: "save filters", KeyOpen: "saved filters",
		},
		Users: UsersScreenTexts{
			NoMatch: "No user matches these filters.", Range: "rows %s–%s", Filtering: "filtering…",
			AdminOn: "%s is now a local admin.", AdminOff: "%s is no longer a local admin.",
			NewCode: "New activation code for %s: %s. The old one no longer works.", NothingChanged: "Nothing changed.",
			ConfirmDelete: "Delete %s for good? This cannot be undone.",
			ConfirmRegen:  "Give %s a new activation code? The old code stops working, on printed cards too.",
			Exporting:     "Exporting %s to %s…", CancelHint: "esc cancels",
		},
		Filters: FilterTexts{
			Search: "Search", Profiles: "Profiles", Classes: "Classes", Activation: "Activation", Email: "Email",
			LocalAdmins: "Local admins", CreatedFrom: "Created from", CreatedTo: "Created until", Pending: "Pending deletion",
			Sort: "Sort", All: "all", Activated: "activated", NotActivated: "not activated",
			WithEmail: "with an email", WithoutEmail: "without an email", OnlyLocalAdmins: "only local admins",
			PendingExcluded: "left out", PendingIncluded: "included", PendingOnly: "only them",
			SortName: "by name", SortProfile: "by profile", SortClass: "by class",
			SearchHint: "name, login or email", DateHint: "YYYY-MM-DD", ChooseHint: "enter to choose",
			PickerTitle: "Classes to show", PickerHint: "type to narrow · enter ticks · esc when done",
			NoClass: "No class matches.",
		},
		Detail: DetailTexts{
			Login: "Login", Code: "Activation code", ActivatedOn: "activated on %s", Classes: "Classes", Groups: "Groups",
			Children: "Children", LocalAdmin: "Local admin", Created: "Created", Updated: "Changed",
			Pending: "Pending deletion", PendingSince: "since %s", Source: "Source", CreatedByHand: "created by hand",
			Provenance: "Where the values come from", FromImport: "from import #%s, %s line %d", ByHand: "set by hand",
			NoProvenance: "No import and no hand edit has set a value yet.", Language: "Language",
		},
		Forms: UserFormTexts{
			EditTitle: "Edit %s", NewTitle: "New user", School: "School", DefaultLanguage: "the school's",
			Memberships: "Classes and groups", ExportTitle: "Export %s", Format: "Format",
			FormatCSV: "CSV for Excel (UTF-8)", FormatCSVFr: "CSV for French Excel (semicolons)", FormatXLSX: "Excel workbook (XLSX)",
			Path: "File", PathHint: "A path on this computer; the extension is added when missing.", DateHint: "YYYY-MM-DD, or empty",
			Formats:      platformFormatsEN(),
			ExportDryRun: "Would export %s to %s (%s); nothing written (--dry-run).",
		},
		Sets: SetsScreenTexts{
			TabClasses: "Classes", TabGroups: "Groups", Name: "Name", Code: "Code", Level: "Level", Members: "Members",
			School: "School", EmptyClasses: "No class yet: press n to create one.", EmptyGroups: "No group yet: press n to create one.",
			NewClass: "New class", NewGroup: "New group", Rename: "Rename %s", CodeHint: "Unique within the school",
			ConfirmDelete: "%s still has %s. Delete it anyway? They simply leave it.",
			Created:       "Created %s.", Renamed: "Renamed %s.", Deleted: "Deleted %s.",
			AddTitle: "Add to %s", AddHint: "type a name, login or email · enter adds · esc when done",
			Added: "Added %s to %s.", Removed: "Removed %s from %s.", NoMembers: "Nobody yet: press a to add members.",
			Member: Noun{"member", "members"},
		},
		Keys: DirectoryKeyTexts{
			PageUp: "page up", PageDown: "page down", First: "first", Last: "last", Focus: "filters/list",
			Search: "search", Toggle: "tick", Change: "change", Choose: "choose", Details: "details",
			Edit: "edit", New: "new", Export: "export", Admin: "local admin", Regen: "new code",
			Pending: "mark for deletion", Restore: "restore", Delete: "delete for good", Clear: "clear filters",
			MailMerge: "mail merge", Close: "close", Cancel: "cancel", Tabs: "classes/groups", Rename: "rename",
			Members: "members", Add: "add", Remove: "remove",
		},
	}
}

func directoryFR() DirectoryTexts {
	return DirectoryTexts{
		Saved: SavedFilterTexts{
			Saved: "Filtre « %s » enregistré : %s.", Deleted: "Filtre « %s » supprimé.", Applied: "Filtre « %s » appliqué.",
			None: "Aucun filtre enregistré.", NoneHint: "Enregistrez-en un avec rollcall filters save NOM [filtres].",
			SaveTitle: "Enregistrer ces filtres", NameField: "Nom du filtre",
			NameHint:  "Pour les retrouver avec F, ou depuis le publipostage (f).",
			PickTitle: "Filtres enregistrés", PickHint: "entrée applique · x supprime · échap ferme",
			KeySave: "enregistrer les filtres", KeyOpen: "filtres enregistrés",
		},
		Users: UsersScreenTexts{
			NoMatch: "Aucun utilisateur ne correspond à ces filtres.", Range: "lignes %s–%s", Filtering: "filtrage…",
			AdminOn: "%s est maintenant administrateur local.", AdminOff: "%s n'est plus administrateur local.",
			NewCode: "Nouveau code d'activation pour %s : %s. L'ancien ne fonctionne plus.", NothingChanged: "Rien n'a changé.",
			ConfirmDelete: "Supprimer %s définitivement ? C'est irréversible.",
			ConfirmRegen:  "Donner un nouveau code d'activation à %s ? L'ancien code cesse de fonctionner, y compris sur les cartes imprimées.",
			Exporting:     "Export de %s dans %s…", CancelHint: "échap annule",
		},
		Filters: FilterTexts{
			Search: "Recherche", Profiles: "Profils", Classes: "Classes", Activation: "Activation", Email: "Courriel",
			LocalAdmins: "Admins locaux", CreatedFrom: "Créés depuis", CreatedTo: "Créés jusqu'au", Pending: "À supprimer",
			Sort: "Tri", All: "tous", Activated: "activés", NotActivated: "non activés",
			WithEmail: "avec courriel", WithoutEmail: "sans courriel", OnlyLocalAdmins: "seulement les admins locaux",
			PendingExcluded: "écartés", PendingIncluded: "inclus", PendingOnly: "eux seuls",
			SortName: "par nom", SortProfile: "par profil", SortClass: "par classe",
			SearchHint: "nom, identifiant ou courriel", DateHint: "AAAA-MM-JJ", ChooseHint: "entrée pour choisir",
			PickerTitle: "Classes à afficher", PickerHint: "tapez pour restreindre · entrée coche · échap pour finir",
			NoClass: "Aucune classe ne correspond.",
		},
		Detail: DetailTexts{
			Login: "Identifiant", Code: "Code d'activation", ActivatedOn: "activé le %s", Classes: "Classes", Groups: "Groupes",
			Children: "Enfants", LocalAdmin: "Admin local", Created: "Créé le", Updated: "Modifié le",
			Pending: "À supprimer", PendingSince: "depuis le %s", Source: "Origine", CreatedByHand: "créé à la main",
			Provenance: "D'où viennent les valeurs", FromImport: "import n° %s, %s ligne %d", ByHand: "saisi à la main",
			NoProvenance: "Aucun import ni aucune saisie à la main n'a encore fixé de valeur.", Language: "Langue",
		},
		Forms: UserFormTexts{
			EditTitle: "Modifier %s", NewTitle: "Nouvel utilisateur", School: "Établissement", DefaultLanguage: "celle de l'établissement",
			Memberships: "Classes et groupes", ExportTitle: "Exporter %s", Format: "Format",
			FormatCSV: "CSV pour Excel (UTF-8)", FormatCSVFr: "CSV pour Excel français (points-virgules)", FormatXLSX: "Classeur Excel (XLSX)",
			Path: "Fichier", PathHint: "Un chemin sur cet ordinateur ; l'extension est ajoutée si elle manque.", DateHint: "AAAA-MM-JJ, ou vide",
			Formats:      platformFormatsFR(),
			ExportDryRun: "Exporterait %s vers %s (%s) ; rien n'est écrit (--dry-run).",
		},
		Sets: SetsScreenTexts{
			TabClasses: "Classes", TabGroups: "Groupes", Name: "Nom", Code: "Code", Level: "Niveau", Members: "Membres",
			School: "Établissement", EmptyClasses: "Aucune classe : appuyez sur n pour en créer une.", EmptyGroups: "Aucun groupe : appuyez sur n pour en créer un.",
			NewClass: "Nouvelle classe", NewGroup: "Nouveau groupe", Rename: "Renommer %s", CodeHint: "Unique dans l'établissement",
			ConfirmDelete: "%s compte encore %s. La supprimer quand même ? Ils la quittent simplement.",
			Created:       "%s créé.", Renamed: "%s renommé.", Deleted: "%s supprimé.",
			AddTitle: "Ajouter à %s", AddHint: "tapez un nom, un identifiant ou un courriel · entrée ajoute · échap pour finir",
			Added: "%s ajouté à %s.", Removed: "%s retiré de %s.", NoMembers: "Personne pour l'instant : appuyez sur a pour ajouter des membres.",
			Member: Noun{"membre", "membres"},
		},
		Keys: DirectoryKeyTexts{
			PageUp: "page préc.", PageDown: "page suiv.", First: "début", Last: "fin", Focus: "filtres/liste",
			Search: "rechercher", Toggle: "cocher", Change: "changer", Choose: "choisir", Details: "détails",
			Edit: "modifier", New: "nouveau", Export: "exporter", Admin: "admin local", Regen: "nouveau code",
			Pending: "marquer à supprimer", Restore: "restaurer", Delete: "supprimer définitivement", Clear: "effacer les filtres",
			MailMerge: "publipostage", Close: "fermer", Cancel: "annuler", Tabs: "classes/groupes", Rename: "renommer",
			Members: "membres", Add: "ajouter", Remove: "retirer",
		},
	}
}
