package id.serambi.account;

/** What an account may do. Staff run events, challenges and campaigns; reviewers approve posts; members are patrons and teens. */
public enum Role {
    ADMIN, STAFF, REVIEWER, MEMBER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String STAFF_NAME = "STAFF";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String MEMBER_NAME = "MEMBER";
}
