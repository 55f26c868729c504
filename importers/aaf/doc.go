// Package aaf reads the académie's directory feed (AAF, the ficAlimMENESR XML files a rectorat
// hands to ENT operators), first and second degree, versions 2013 to today. A feed is many
// files (EtabEducNat, Eleve, PersRelEleve, PersEducNat, MatiereEducNat, MefEducNat, numbered
// _0000, _0001, …) read together as one import. Each entry is an addRequest, a modifyRequest
// (a delta's changed attributes) or a deleteRequest (a person to mark pending deletion):
//
//	EtabEducNat     a school: ENTStructureJointure, its UAI, its name ("CLG$CLG NAME$CITY")
//	Eleve           a pupil: ENTEleveClasses and ENTEleveGroupes ("structure$code"), and the
//	                guardians in ENTElevePersRelEleve / ENTEleveParents
//	PersRelEleve    a guardian, linked to their children through the pupils' entries
//	PersEducNat     staff: ENTPersonFonctions ("43$DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT
//	                ADJOINT"), the classes and groups they teach, their subjects
//	MatiereEducNat  subject codes and labels; MefEducNat  levels (MEF) and labels
//
// Files are streamed token by token (xmlfeed), so memory follows the records kept, not the
// size of the files. A person attached to a structure the feed does not define is imported
// with a warning, not refused.
package aaf
