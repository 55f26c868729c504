package aaf

// key is an attribute the parser reads. An entry finds those by key, where the others (an
// address, an INE) are only kept by name.
type key uint8

// The attributes read, in no particular order; 0 is none of them.
const (
	keyPersonJointure key = iota + 1
	keySn
	keyPersonNomPatro
	keyGivenName
	keyMail
	keyPersonMail
	keyPersonDateNaissance
	keyPersonStructRattach
	keyEleveLibelleMEF
	keyEleveMEF
	keyEleveClasses
	keyEleveGroupes
	keyElevePersRelEleve
	keyEleveParents
	keyEleveAutoriteParentale
	keyPersonFonctions
	keyPersEducNatPresenceDevantEleves
	keyAuxEnsClasses
	keyAuxEnsClassesPrincipal
	keyAuxEnsGroupes
	keyAuxEnsMatiereEnseignEtab
	keyAuxEnsCategoDiscipline
	keyStructureJointure
	keyStructureUAI
	keyEtablissementUAI
	keyStructureNomCourant
	keyStructureClasses
	numKeys
)

// keyNames are the attributes' names in the feed.
var keyNames = [numKeys]string{
	keyPersonJointure:                  "ENTPersonJointure",
	keySn:                              "sn",
	keyPersonNomPatro:                  "ENTPersonNomPatro",
	keyGivenName:                       "givenName",
	keyMail:                            "mail",
	keyPersonMail:                      "ENTPersonMail",
	keyPersonDateNaissance:             "ENTPersonDateNaissance",
	keyPersonStructRattach:             "ENTPersonStructRattach",
	keyEleveLibelleMEF:                 "ENTEleveLibelleMEF",
	keyEleveMEF:                        "ENTEleveMEF",
	keyEleveClasses:                    "ENTEleveClasses",
	keyEleveGroupes:                    "ENTEleveGroupes",
	keyElevePersRelEleve:               "ENTElevePersRelEleve",
	keyEleveParents:                    "ENTEleveParents",
	keyEleveAutoriteParentale:          "ENTEleveAutoriteParentale",
	keyPersonFonctions:                 "ENTPersonFonctions",
	keyPersEducNatPresenceDevantEleves: "PersEducNatPresenceDevantEleves",
	keyAuxEnsClasses:                   "ENTAuxEnsClasses",
	keyAuxEnsClassesPrincipal:          "ENTAuxEnsClassesPrincipal",
	keyAuxEnsGroupes:                   "ENTAuxEnsGroupes",
	keyAuxEnsMatiereEnseignEtab:        "ENTAuxEnsMatiereEnseignEtab",
	keyAuxEnsCategoDiscipline:          "ENTAuxEnsCategoDiscipline",
	keyStructureJointure:               "ENTStructureJointure",
	keyStructureUAI:                    "ENTStructureUAI",
	keyEtablissementUAI:                "ENTEtablissementUAI",
	keyStructureNomCourant:             "ENTStructureNomCourant",
	keyStructureClasses:                "ENTStructureClasses",
}

// keyOf finds an attribute's key by its name.
var keyOf = func() map[string]key {
	m := make(map[string]key, numKeys)
	for k, name := range keyNames {
		if name != "" {
			m[name] = key(k)
		}
	}
	return m
}()
