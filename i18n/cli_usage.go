package i18n

// CLIUsageTexts are the CLI's refusals of how a command was called that no flag parser makes:
// two flags that exclude each other, a value outside a short list, an output left out.
type CLIUsageTexts struct {
	LoginRequired, EmailOrFor, OutputRequired string
	StdinFormat                               string // import -
	PerSheet, Paper, SplitBy                  string // the value given
	CardsOutput, StdoutSplit                  string
	NegativeRate                              string
	NotCampaign                               string // the value given
	OneEmail, OneSource                       string
	KeyTwice, KeyNone                         string
	ClaimBoth, RenewCode                      string
	BinaryToTerminal                          string // the file's extension
	DBPassword                                string
}

func cliUsageEN() CLIUsageTexts {
	return CLIUsageTexts{
		LoginRequired:    "--login is required",
		EmailOrFor:       "--email or --for is required",
		OutputRequired:   "--output is required",
		StdinFormat:      "import - reads one file from stdin: say its --format",
		PerSheet:         "--per-sheet %d: want 1, 2 or 8",
		Paper:            "--paper %q: want a4 or letter",
		SplitBy:          "--split-by %q: only class is supported",
		CardsOutput:      "say where to write the cards with -o FILE",
		StdoutSplit:      "-o - writes one PDF to stdout: it cannot take --split-by",
		NegativeRate:     "--rate and --connections cannot be negative",
		NotCampaign:      "%q is not a campaign number",
		OneEmail:         "give one EMAIL or --by-hand",
		OneSource:        "give exactly one source: --roster, --directory, --google-ou, --google-group or --microsoft-group",
		KeyTwice:         "give the key with --key or as a file, not both",
		KeyNone:          "give a .pub file, - for standard input, or --key",
		ClaimBoth:        "give --code, or --displays and --serial, not both",
		RenewCode:        "give the renewal code: --code CODE",
		BinaryToTerminal: "-o - would write a %s file to the terminal: redirect stdout to a file",
		DBPassword:       "--db carries a password, which the process list shows: put it in ~/.pgpass or $PGPASSWORD, or the whole URL in $ROLLCALL_DB",
	}
}

func cliUsageFR() CLIUsageTexts {
	return CLIUsageTexts{
		LoginRequired:    "--login est obligatoire",
		EmailOrFor:       "--email ou --for est obligatoire",
		OutputRequired:   "--output est obligatoire",
		StdinFormat:      "import - lit un seul fichier sur l'entrée standard : indiquez son --format",
		PerSheet:         "--per-sheet %d : 1, 2 ou 8 attendu",
		Paper:            "--paper %q : a4 ou letter attendu",
		SplitBy:          "--split-by %q : seul class est possible",
		CardsOutput:      "indiquez où écrire les cartes avec -o FICHIER",
		StdoutSplit:      "-o - écrit un seul PDF sur la sortie standard : --split-by n'est pas possible",
		NegativeRate:     "--rate et --connections ne peuvent pas être négatifs",
		NotCampaign:      "%q n'est pas un numéro de campagne",
		OneEmail:         "donnez un COURRIEL ou --by-hand",
		OneSource:        "donnez une seule source : --roster, --directory, --google-ou, --google-group ou --microsoft-group",
		KeyTwice:         "donnez la clé avec --key ou dans un fichier, pas les deux",
		KeyNone:          "donnez un fichier .pub, - pour l'entrée standard, ou --key",
		ClaimBoth:        "donnez --code, ou --displays et --serial, pas les deux",
		RenewCode:        "donnez le code de renouvellement : --code CODE",
		BinaryToTerminal: "-o - écrirait un fichier %s dans le terminal : redirigez la sortie standard vers un fichier",
		DBPassword:       "--db contient un mot de passe, que la liste des processus montre : mettez-le dans ~/.pgpass ou $PGPASSWORD, ou toute l'URL dans $ROLLCALL_DB",
	}
}
