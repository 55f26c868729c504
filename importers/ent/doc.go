// Package ent reads the files of the French ENT (ONE / NÉO): the import files, one per profile,
// in French or English (format "ent"), and the "specific CSV export" that feeds other platforms
// (format "ent-export").
package ent
