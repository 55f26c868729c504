package oneroster

import (
	"context"
	"testing"

	"rollcall/importers/roster"
)

const fuzzManifest = "propertyName,value\noneroster.version,1.1\nfile.orgs,bulk\nfile.classes,bulk\nfile.users,bulk\nfile.enrollments,bulk\n"

// FuzzOneRoster parses a set whose users, classes and enrollments are arbitrary.
func FuzzOneRoster(f *testing.F) {
	f.Add([]byte("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,agentSourcedIds\nu1,,,true,o1,student,a,,A,B,\n"),
		[]byte("sourcedId,status,title,schoolSourcedId\nc1,,CP,o1\n"),
		[]byte("sourcedId,status,classSourcedId,userSourcedId,role\ne1,,c1,u1,student\n"))
	f.Fuzz(func(t *testing.T, users, classes, enrollments []byte) {
		files := []*roster.File{
			{Name: "set/manifest.csv", Raw: []byte(fuzzManifest)},
			{Name: "set/orgs.csv", Raw: []byte("sourcedId,status,dateLastModified,name,type\no1,,,School,school\n")},
			{Name: "set/users.csv", Raw: users},
			{Name: "set/classes.csv", Raw: classes},
			{Name: "set/enrollments.csv", Raw: enrollments},
		}
		j := roster.NewJob(context.Background(), 0, nil)
		if err := Parse(j, files); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" || r.Where.Line < 2 {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}
