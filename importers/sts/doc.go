// Package sts reads STS-Web's export for timetabling software (sts_emp_<UAI>_<year>.xml, root
// STS_EDT): the school's teachers (INDIVIDU) with their function and subjects, and the
// divisions and groups each teaches, found through the services (SERVICE) of the school's
// structure. It is read alone (format "sts") or with a school's SIECLE exports (format
// "siecle"); both belong to the "siecle" source, so either way teachers are the same users.
package sts
