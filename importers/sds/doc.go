// Package sds reads Microsoft School Data Sync CSV sets: v1 (School, Section, Student, Teacher,
// StudentEnrollment, TeacherRoster; US dates M/D/YYYY) as format "sds-v1", and v2.1 (orgs,
// users, roles, classes, enrollments, relationships, demographics, courses, academicSessions)
// as format "sds-v2". Orgs may be defined after the orgs that point at them.
package sds
