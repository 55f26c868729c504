// Package oneroster reads OneRoster 1.1 and 1.2 CSV sets (IMS Global / 1EdTech): a folder or zip
// with manifest.csv, orgs, academicSessions, courses, classes, users, enrollments and
// demographics, plus roles and userProfiles in 1.2. Bulk sets describe everything; delta sets
// only what changed, so users they omit are not deletions and rows with status tobedeleted list
// what to remove. Extension columns (metadata.*, ext_*) are ignored.
package oneroster
