package oneroster

import "rollcall/importers/table"

// col builds a column from its OneRoster name; the header matcher already ignores case.
func col(name string, repeat ...bool) table.Column {
	return table.Column{Key: name, English: []string{name}, Repeat: len(repeat) > 0}
}

var (
	manifestSchema = table.Schema{col("propertyName"), col("value")}
	orgsSchema     = table.Schema{col("sourcedId"), col("status"), col("dateLastModified"), col("name"), col("type"), col("identifier"), col("parentSourcedId")}
	sessionsSchema = table.Schema{col("sourcedId"), col("status"), col("title"), col("type")}
	coursesSchema  = table.Schema{col("sourcedId"), col("status"), col("title"), col("courseCode"), col("grades")}
	classesSchema  = table.Schema{col("sourcedId"), col("status"), col("dateLastModified"), col("title"), col("grades"), col("courseSourcedId"), col("classCode"), col("schoolSourcedId"), col("termSourcedIds")}
	usersSchema    = table.Schema{col("sourcedId"), col("status"), col("dateLastModified"), col("enabledUser"), col("orgSourcedIds"), col("role"), col("username"), col("givenName"), col("familyName"), col("email"), col("agentSourcedIds"), col("grades"), col("primaryOrgSourcedId")}
	rolesSchema    = table.Schema{col("sourcedId"), col("status"), col("userSourcedId"), col("roleType"), col("role"), col("orgSourcedId")}
	profilesSchema = table.Schema{col("sourcedId"), col("status"), col("userSourcedId"), col("profileType")}
	enrollSchema   = table.Schema{col("sourcedId"), col("status"), col("classSourcedId"), col("schoolSourcedId"), col("userSourcedId"), col("role")}
	demoSchema     = table.Schema{col("sourcedId"), col("status"), col("birthDate")}
)
