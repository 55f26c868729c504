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

// FuzzOneRosterNoManifest reads a 1.0-style set (no manifest) whose users, enrollments and
// demographics are arbitrary, as detection and parsing see it, warnings or strict: every record
// has an id and a line, every warning a file and a rule, and a record's classes are defined.
func FuzzOneRosterNoManifest(f *testing.F) {
	f.Add([]byte("sourcedId,status,dateLastModified,orgSourcedIds,role,username,userId,givenName,familyName,agents\nu1,active,,o1,student,a,,A,B,p1\np1,active,,o404,parent,p,,P,B,\"u1,u9\"\n"),
		[]byte("sourcedId,status,classSourcedId,userSourcedId,primary\ne1,active,c1,u1,yes\ne2,,c9,u9,no\n"),
		[]byte("userSourcedId,status,birthdate\nu1,active,2010-01-02\n"), false)
	f.Fuzz(func(t *testing.T, users, enrollments, demographics []byte, strict bool) {
		files := []*roster.File{
			{Name: "set/orgs.csv", Raw: []byte("sourcedId,status,dateLastModified,name,type,parentSourcedId\no1,active,,School,school,d404\n")},
			{Name: "set/classes.csv", Raw: []byte("sourcedId,status,title,grade,schoolSourcedId\nc1,active,CP,01,o1\n")},
			{Name: "set/Users.csv", Raw: users},
			{Name: "set/enrollments.csv", Raw: enrollments},
			{Name: "set/demographics.csv", Raw: demographics},
		}
		_ = SniffSet(files)
		j := roster.NewJob(context.Background(), 0, nil)
		j.Strict = strict
		if err := Parse(j, files); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" || r.Where.Line < 2 {
				t.Fatalf("bad record %+v", r)
			}
			for _, c := range r.Classes {
				if !j.HasClass(c) {
					t.Fatalf("record %s in undefined class %q", r.ExternalID, c)
				}
			}
		}
		for _, w := range j.Batch.Warnings.List {
			if w.File == "" || w.Rule == "" || strict {
				t.Fatalf("bad warning %+v (strict %v)", w, strict)
			}
		}
	})
}
