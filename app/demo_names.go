package app

// Names for the demo school: common French first and last names, accents included, so every
// screen and card shows the characters real rosters have.
var (
	demoFirstNames = []string{
		"Léa", "Théo", "Chloé", "Lucas", "Inès", "Hugo", "Zoé", "Nathan", "Élodie", "Maël",
		"Manon", "Louis", "Camille", "Jules", "Sarah", "Gabriel", "Anaïs", "Noé", "Océane", "Raphaël",
		"Jade", "Arthur", "Louise", "Adam", "Emma", "Paul", "Clémence", "Yanis", "Agathe", "Matthéo",
		"Maëlys", "Enzo", "Héloïse", "Timothée", "Noémie", "Loïc", "Bérénice", "Jérôme", "Françoise", "Aurélien",
		"Amélie", "Benoît", "Cécile", "Désiré", "Geneviève", "Hélène", "Joël", "Mélanie", "Stéphane", "Zoë",
	}
	demoLastNames = []string{
		"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
		"Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
		"Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
		"Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
		"Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
		"Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
		"Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
		"Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
		"Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
		"Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Œuvray",
	}
)
