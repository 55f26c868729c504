package oneroster

import "rollcall/importers/table"

// col builds a column from its OneRoster name and the other names writers use for it; the header
// matcher ignores case ("birthdate" is "birthDate"), and the canonical name wins over an alias
// when a file has both.
func col(name string, aliases ...string) table.Column {
	return table.Column{Key: name, English: append([]string{name}, aliases...)}
}

// The files' columns, in 1.1 / 1.2 names, with the 1.0 and vendor names seen in the wild:
// 1.0's "agents", "grade", "termSourcedId", "schoolYearId" and demographics keyed by
// "userSourcedId"; vendors' "userSourcedId" or "userId" for a user's own id. Columns a schema
// does not list ("metadata.*", "ext_*", 1.2's pronouns) are ignored.
var (
	manifestSchema = table.Schema{col("propertyName"), col("value")}
	orgsSchema     = table.Schema{col("sourcedId"), col("status"), col("dateLastModified"), col("name"), col("type"), col("identifier"), col("parentSourcedId", "parentId")}
	sessionsSchema = table.Schema{col("sourcedId"), col("status"), col("title"), col("type")}
	coursesSchema  = table.Schema{col("sourcedId"), col("status"), col("title"), col("courseCode"), col("grades", "grade"), col("schoolYearSourcedId", "schoolYearId")}
	classesSchema  = table.Schema{col("sourcedId"), col("status"), col("dateLastModified"), col("title"), col("grades", "grade"), col("courseSourcedId"), col("classCode"), col("schoolSourcedId"), col("termSourcedIds", "termSourcedId")}
	usersSchema    = table.Schema{col("sourcedId", "userSourcedId", "userId"), col("status"), col("dateLastModified"), col("enabledUser"), col("orgSourcedIds", "orgSourcedId"), col("role"), col("username"), col("givenName"), col("familyName"), col("email"), col("agentSourcedIds", "agents", "agentSourcedId"), col("grades", "grade"), col("primaryOrgSourcedId")}
	rolesSchema    = table.Schema{col("sourcedId"), col("status"), col("userSourcedId"), col("roleType"), col("role"), col("orgSourcedId")}
	profilesSchema = table.Schema{col("sourcedId"), col("status"), col("userSourcedId"), col("profileType")}
	enrollSchema   = table.Schema{col("sourcedId"), col("status"), col("classSourcedId"), col("schoolSourcedId"), col("userSourcedId"), col("role"), col("primary")}
	demoSchema     = table.Schema{col("sourcedId", "userSourcedId"), col("status"), col("birthDate")}
)
