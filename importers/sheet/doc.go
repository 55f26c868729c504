// Package sheet reads publisher spreadsheet templates (format "sheet"): one sheet per profile,
// students with Nom, Prénom and Code classe, teachers with Nom and Prénom, and optional
// Identifiant (the login), Email, Mot de passe and Groupe. Workbooks are read with excelize; a CSV
// with the same headers is read the same way.
package sheet
