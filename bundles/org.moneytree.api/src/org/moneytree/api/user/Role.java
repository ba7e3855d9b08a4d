package org.moneytree.api.user;

import java.util.Locale;

/** What a user of the console may do. */
public enum Role {
    /** Everything an analyst may, and install or uninstall plugins and manage users. */
    ADMIN("admin", "管理员"),
    /** Look at the reports and export them. */
    ANALYST("analyst", "分析师");

    private final String english;
    private final String chinese;

    Role(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The lower-case id used in configuration and the API: {@code admin}, {@code analyst}. */
    public String id() {
        return english;
    }

    /** The role's name in the given language. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }

    /**
     * The role with the given id, case-insensitively.
     *
     * @throws IllegalArgumentException naming the roles when there is none
     */
    public static Role forId(String id) {
        for (Role role : values()) {
            if (role.english.equalsIgnoreCase(id.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a role; expected admin or analyst");
    }
}
