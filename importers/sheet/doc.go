// Package sheet reads publisher spreadsheet templates (format "sheet"): one sheet per profile,
// students with Nom, Prénom and Code classe, teachers with Nom and Prénom, and optional
// Identifiant (the login), Email, Mot de passe and Groupe. Workbooks are read by a small streaming reader
// of our own (xlsx.go: a worksheet's rows one at a time, the shared strings bounded); a CSV with
// the same headers is read the same way.
package sheet
