//! The one schema both backends share (kept by hand in step with migrations/sqlite and
//! migrations/postgres; `tests/api/schema_parity.rs` checks all three agree).

diesel::table! {
    departments (key) {
        key -> Text,
        name -> Text,
        csat_weight -> Double,
        sort_order -> Integer,
    }
}

diesel::table! {
    employees (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        department -> Text,
        locale -> Text,
        is_engineer -> Bool,
        is_executive -> Bool,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        user_name -> Nullable<Text>,
        external_id -> Nullable<Text>,
        name_formatted -> Nullable<Text>,
        scim_deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rounds (id) {
        id -> Text,
        template_key -> Text,
        template_version -> Integer,
        template_content -> Text,
        template_hash -> Text,
        quarter -> Text,
        audience -> Text,
        status -> Text,
        opens_on -> Nullable<Date>,
        closes_on -> Date,
        closes_at -> Timestamp,
        k -> Integer,
        comment_threshold -> Integer,
        reporting_groups -> Text,
        weights -> Text,
        created_at -> Timestamp,
        launched_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        sealed_at -> Nullable<Timestamp>,
        scrub_pending -> Bool,
        tallies_stamp -> Nullable<Text>,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        round_id -> Text,
        employee_id -> Text,
        reporting_group -> Text,
        responded -> Bool,
        undeliverable -> Bool,
        undeliverable_reason -> Nullable<Text>,
        emails_sent -> Integer,
        last_reminded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    invitation_links (token_hash) {
        token_hash -> Text,
        invitation_id -> Text,
        round_id -> Text,
    }
}

diesel::table! {
    responses (id) {
        id -> Text,
        round_id -> Text,
        reporting_group -> Text,
    }
}

diesel::table! {
    answers (response_id, question_key) {
        response_id -> Text,
        question_key -> Text,
        value -> Nullable<Integer>,
        not_applicable -> Bool,
        text -> Nullable<Text>,
        round_id -> Text,
    }
}

diesel::table! {
    tallies (round_id, reporting_group, question_key, value, not_applicable) {
        round_id -> Text,
        reporting_group -> Text,
        question_key -> Text,
        value -> Integer,
        not_applicable -> Bool,
        count -> BigInt,
    }
}

diesel::table! {
    group_tallies (round_id, reporting_group) {
        round_id -> Text,
        reporting_group -> Text,
        delivered -> BigInt,
        responses -> BigInt,
    }
}

diesel::table! {
    driver_analyses (round_id, analysis) {
        round_id -> Text,
        analysis -> Text,
        outcome_key -> Text,
        min_respondents -> Integer,
        respondents -> Nullable<BigInt>,
        r_squared -> Nullable<Double>,
        r_squared_low -> Nullable<Double>,
        r_squared_high -> Nullable<Double>,
    }
}

diesel::table! {
    driver_items (round_id, analysis, position) {
        round_id -> Text,
        analysis -> Text,
        position -> Integer,
        question_key -> Text,
        importance -> Double,
        importance_low -> Double,
        importance_high -> Double,
    }
}

diesel::table! {
    index_tallies (round_id, reporting_group, index_kind, a_sum, a_count, b_sum, b_count) {
        round_id -> Text,
        reporting_group -> Text,
        index_kind -> Text,
        a_sum -> Integer,
        a_count -> Integer,
        b_sum -> Integer,
        b_count -> Integer,
        count -> BigInt,
    }
}

diesel::table! {
    sealed_comments (round_id, position) {
        round_id -> Text,
        position -> Integer,
        reporting_group -> Text,
        question_key -> Text,
        text -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        kind -> Text,
        recipient -> Text,
        round_id -> Nullable<Text>,
        invitation_id -> Nullable<Text>,
        locale -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        claim_owner -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    hr_events (id) {
        id -> Text,
        event_date -> Date,
        event -> Text,
        count -> Integer,
        regretted -> Bool,
        top_talent -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    inflection_points (id) {
        id -> Text,
        title -> Text,
        description -> Nullable<Text>,
        first_seen_quarter -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    inflection_assessments (id) {
        id -> Text,
        point_id -> Text,
        quarter -> Text,
        assessment -> Text,
        cto_note -> Nullable<Text>,
        proposed_by -> Nullable<Text>,
        proposed_at -> Timestamp,
        board_state -> Text,
        board_note -> Nullable<Text>,
        reviewed_by -> Nullable<Text>,
        reviewed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    commentaries (quarter) {
        quarter -> Text,
        body -> Text,
        author -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        role -> Text,
        password_hash -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        password_changed_at -> Timestamp,
        name -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        csrf_secret -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        name -> Text,
        role -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        scope -> Text,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        kind -> Text,
        account -> Nullable<Text>,
        client_ip -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    oidc_logins (state_hash) {
        state_hash -> Text,
        browser_hash -> Text,
        started_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        at -> Timestamp,
        actor -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<Text>,
        detail -> Nullable<Text>,
    }
}

// --- retention (privacy lifecycle) ---
diesel::table! {
    round_purges (round_id) {
        round_id -> Text,
        purged_at -> Timestamp,
        responses -> BigInt,
        answers -> BigInt,
        comments -> BigInt,
    }
}
// --- end retention ---

diesel::table! {
    actions (id) {
        id -> Text,
        round_id -> Text,
        quarter -> Text,
        link -> Text,
        owner -> Text,
        due_quarter -> Text,
        status -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    action_texts (action_id, locale) {
        action_id -> Text,
        locale -> Text,
        title -> Text,
        note -> Text,
    }
}

diesel::joinable!(invitations -> rounds (round_id));
diesel::joinable!(invitations -> employees (employee_id));
diesel::joinable!(invitation_links -> invitations (invitation_id));
diesel::joinable!(responses -> rounds (round_id));
diesel::joinable!(answers -> responses (response_id));
diesel::table! {
    time_entries (id) {
        id -> Text,
        event_key -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        all_day -> Bool,
        category -> Text,
        rule -> Text,
        title -> Nullable<Text>,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    time_overrides (event_key) {
        event_key -> Text,
        category -> Text,
        set_by -> Text,
        set_at -> Timestamp,
    }
}

diesel::table! {
    time_manual_hours (week_start, category) {
        week_start -> Date,
        category -> Text,
        hours -> Double,
        set_by -> Text,
        set_at -> Timestamp,
    }
}

diesel::table! {
    time_rules (id) {
        id -> Text,
        position -> Integer,
        kind -> Text,
        pattern -> Text,
        category -> Text,
    }
}

diesel::joinable!(tallies -> rounds (round_id));
diesel::joinable!(index_tallies -> rounds (round_id));
diesel::joinable!(group_tallies -> rounds (round_id));
diesel::joinable!(driver_analyses -> rounds (round_id));
diesel::joinable!(driver_items -> rounds (round_id));
diesel::joinable!(actions -> rounds (round_id));
diesel::joinable!(action_texts -> actions (action_id));
diesel::joinable!(sealed_comments -> rounds (round_id));
diesel::joinable!(inflection_assessments -> inflection_points (point_id));
diesel::joinable!(sessions -> users (user_id));

diesel::table! {
    reminder_waves (id) {
        id -> Text,
        round_id -> Text,
        queued_at -> Timestamp,
        trigger -> Text,
        actor -> Text,
        reminders -> Integer,
        reinvites -> Integer,
        held_back -> Integer,
    }
}

diesel::table! {
    schedules (template_key) {
        template_key -> Text,
        launch_day -> Integer,
        days_open -> Integer,
        reminder_days -> Text,
        merges -> Text,
        enabled -> Bool,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    schedule_steps (template_key, quarter, step) {
        template_key -> Text,
        quarter -> Text,
        step -> Text,
        claim_owner -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        done_at -> Nullable<Timestamp>,
        outcome -> Nullable<Text>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    departments,
    employees,
    rounds,
    invitations,
    invitation_links,
    responses,
    answers,
    tallies,
    group_tallies,
    driver_analyses,
    driver_items,
    index_tallies,
    sealed_comments,
    outbox,
    hr_events,
    inflection_points,
    inflection_assessments,
    commentaries,
    users,
    sessions,
    api_tokens,
    login_failures,
    oidc_logins,
    audit_log,
    round_purges,
    time_entries,
    time_overrides,
    time_manual_hours,
    time_rules,
    actions,
    action_texts,
    reminder_waves,
    schedules,
    schedule_steps,
);
