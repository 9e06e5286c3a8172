package io.flipside.sample;

import static io.flipside.sample.PlantedEffects.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a synthetic reverse-mentoring data set with the effects of {@link PlantedEffects}, in the
 * input format of SPEC §2, plus {@code flipside.yaml} with its as-of date. Deterministic: the same
 * options give the same bytes. A little deliberate dirt (invalid dates, unknown references, out-of-range
 * answers) exercises quarantine, far below the default 5 % reject threshold.
 */
public final class SampleDataGenerator {
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "Finance", "Operations",
        "People", "Legal", "Customer Success"};
    private static final double[] DEPARTMENT_WEIGHTS = {0.26, 0.18, 0.10, 0.09, 0.16, 0.06, 0.04, 0.11};
    private static final String[] LOCATIONS = {"London", "Berlin", "New York", "Singapore", "Lisbon", "Remote"};
    private static final String[] EVENT_TYPES = {"message", "call", "resource", "goal", "other"};
    private static final double[] EVENT_WEIGHTS = {0.60, 0.10, 0.15, 0.05, 0.10};
    private static final String[] WAVES = {"baseline", "midpoint", "final", "followup"};
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Skills: id, name, domain. */
    static final String[][] SKILLS = {
        {"SK01", "Generative AI tools", "digital"},
        {"SK02", "Data literacy", "digital"},
        {"SK03", "Inclusive communication", "culture"},
        {"SK04", "Cross-generational awareness", "culture"},
        {"SK05", "Strategic thinking", "leadership"},
        {"SK06", "Stakeholder management", "leadership"},
    };

    /** Survey items: id, scale, text, kind, reverse coded. */
    static final String[][] ITEMS = {
        {"BEL1", "belonging", "I feel I belong in this organisation.", "likert", "false"},
        {"BEL2", "belonging", "People here value my perspective.", "likert", "false"},
        {"BEL3", "belonging", "I often feel like an outsider at work.", "likert", "true"},
        {"BEL4", "belonging", "I can be myself at work.", "likert", "false"},
        {"DIG1", "digital_confidence", "I am confident using new digital tools.", "likert", "false"},
        {"DIG2", "digital_confidence", "I know where to learn about new technology.", "likert", "false"},
        {"DIG3", "digital_confidence", "New software makes me anxious.", "likert", "true"},
        {"DIG4", "digital_confidence", "I can explain how younger colleagues work digitally.", "likert", "false"},
        {"LDR1", "leadership_insight", "I understand how senior leaders make decisions.", "likert", "false"},
        {"LDR2", "leadership_insight", "I know how to influence stakeholders.", "likert", "false"},
        {"LDR3", "leadership_insight", "Strategy feels remote from my daily work.", "likert", "true"},
        {"NPS1", "advocacy", "How likely are you to recommend the programme to a colleague?", "nps", "false"},
    };

    private static final String[][] TOPICS = {
        {"generative AI", "collaboration tools", "social media", "data dashboards"},
        {"hybrid work", "inclusive language", "generational expectations", "feedback culture"},
        {"career paths", "decision making", "stakeholder management", "strategy"},
    };

    private final GeneratorOptions options;
    private final SplittableRandom rnd;
    private final LocalDate asOf;
    private final LocalDate extract;
    private final List<Person> people = new ArrayList<>();
    private final List<Cohort> cohorts = new ArrayList<>();
    private final List<Pair> pairs = new ArrayList<>();
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();

    private record Cohort(int index, String id, String name, LocalDate start, LocalDate end, double planned) {
    }

    private static final class Pair {
        final String id;
        final Cohort cohort;
        final Person mentor;
        final Person mentee;
        final LocalDate matched;
        final boolean matchedBlank;
        final double propensity;
        final double menteeShare;
        LocalDate ended;
        String endReason;

        Pair(String id, Cohort cohort, Person mentor, Person mentee, LocalDate matched, boolean matchedBlank,
                double propensity, double menteeShare) {
            this.id = id;
            this.cohort = cohort;
            this.mentor = mentor;
            this.mentee = mentee;
            this.matched = matched;
            this.matchedBlank = matchedBlank;
            this.propensity = propensity;
            this.menteeShare = menteeShare;
        }

        /** The last day the pair can meet in the data: its end, the cohort's end or the extract day. */
        LocalDate lastDay(LocalDate extract) {
            LocalDate last = ended != null ? ended : cohort.end;
            return last.isAfter(extract) ? extract : last;
        }
    }

    public SampleDataGenerator(GeneratorOptions options) {
        this.options = options;
        this.rnd = new SplittableRandom(options.seed());
        this.asOf = options.asOf();
        this.extract = options.extract();
    }

    /**
     * Generates every dataset into {@code dir} (created when missing) and returns the rows written per
     * dataset, including the deliberately invalid ones.
     */
    public Map<String, Long> writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        makePeople();
        makeCohorts();
        makePairs();
        writeEmployees(dir);
        writeCohorts(dir);
        writePairs(dir);
        writeSessions(dir);
        writeActivity(dir);
        writeSurvey(dir);
        writeAssessments(dir);
        writeJobEvents(dir);
        writeConfig(dir);
        return Map.copyOf(rowCounts);
    }

    private void makePeople() {
        LocalDate observedFrom = asOf.minusYears(4);
        int n = options.employees();
        for (int i = 1; i <= n; i++) {
            double u = rnd.nextDouble();
            int level = u < 0.55 ? 1 + rnd.nextInt(5) : u < 0.85 ? 6 + rnd.nextInt(4) : 10 + rnd.nextInt(6);
            double tenureYears = Math.min(35, -Math.log(1 - rnd.nextDouble()) * (2.0 + 0.6 * level));
            LocalDate hire = asOf.minusDays((long) (tenureYears * 365.25) + 30);
            double age = 23 + 2.3 * level + tenureYears * 0.3 + rnd.nextGaussian() * 4;
            Integer birthYear = rnd.nextDouble() < 0.04 ? null
                    : Math.max(1940, Math.min(2004, asOf.getYear() - (int) Math.round(age)));
            double g = rnd.nextDouble();
            String gender = g < 0.47 ? "female" : g < 0.94 ? "male" : g < 0.965 ? "non-binary" : null;
            String department = DEPARTMENTS[pick(DEPARTMENT_WEIGHTS)];
            String location = LOCATIONS[rnd.nextInt(LOCATIONS.length)];
            people.add(new Person(String.format(Locale.ROOT, "E%06d", i), hire, level, department, location,
                    gender, birthYear, observedFrom, rnd.split()));
        }
    }

    private void makeCohorts() {
        int k = options.cohorts();
        LocalDate first = asOf.minusYears(2).plusDays(1).withDayOfMonth(1);
        for (int i = 0; i < k; i++) {
            LocalDate start = first.plusMonths(Math.round(24.0 * i / k));
            LocalDate end = start.plusMonths(12).minusDays(1);
            double planned = i % 2 == 0 ? 2.0 : 1.0;
            String quarter = start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            String name = k == 4 ? "Bridge " + quarter : "Bridge " + quarter + " #" + (i + 1);
            cohorts.add(new Cohort(i, String.format(Locale.ROOT, "C%02d", i + 1), name, start, end, planned));
        }
    }

    private void makePairs() {
        int perCohortBase = options.pairs() / cohorts.size();
        int extra = options.pairs() % cohorts.size();
        int pairNo = 0;
        Set<Person> everParticipated = new HashSet<>();
        for (Cohort c : cohorts) {
            int want = perCohortBase + (c.index < extra ? 1 : 0);
            List<Person> juniors = new ArrayList<>();
            List<Person> seniors = new ArrayList<>();
            for (Person p : people) {
                if (!p.employedOn(c.start, extract)) {
                    continue;
                }
                boolean repeatAllowed = !everParticipated.contains(p) || rnd.nextDouble() < 0.05;
                if (!repeatAllowed) {
                    continue;
                }
                int level = p.levelOn(c.start, extract);
                if (level <= 5) {
                    juniors.add(p);
                } else if (level >= 8) {
                    seniors.add(p);
                }
            }
            Set<Person> inCohort = new HashSet<>();
            for (int i = 0; i < want; i++) {
                boolean notReverse = rnd.nextDouble() < 0.01;
                Person mentor = takeRandom(notReverse ? seniors : juniors, inCohort);
                Person mentee = takeRandom(seniors, inCohort);
                if (mentor == null || mentee == null) {
                    break;
                }
                boolean onStart = rnd.nextDouble() < 0.6;
                LocalDate matched = onStart ? c.start : c.start.plusDays(1 + rnd.nextInt(21));
                Pair pair = newPair(++pairNo, c, mentor, mentee, matched, onStart && rnd.nextDouble() < 0.5);
                pairs.add(pair);
                endPair(pair, c);
                if ("rematched".equals(pair.endReason)) {
                    Person second = takeRandom(juniors, inCohort);
                    if (second != null) {
                        Pair again = newPair(++pairNo, c, second, mentee,
                                pair.ended.plusDays(7 + rnd.nextInt(14)), false);
                        if (!again.matched.isAfter(c.end)) {
                            pairs.add(again);
                            endPair(again, c);
                        }
                    }
                }
            }
            for (Person p : inCohort) {
                if (p.firstParticipation == null) {
                    p.firstParticipation = c.start;
                }
                everParticipated.add(p);
            }
        }
    }

    private Pair newPair(int no, Cohort c, Person mentor, Person mentee, LocalDate matched, boolean blank) {
        double propensity = PROPENSITY_LOW + (PROPENSITY_HIGH - PROPENSITY_LOW) * rnd.nextDouble();
        double share = MENTEE_EVENT_SHARE_LOW + (MENTEE_EVENT_SHARE_HIGH - MENTEE_EVENT_SHARE_LOW) * rnd.nextDouble();
        return new Pair(String.format(Locale.ROOT, "P%05d", no), c, mentor, mentee, matched, blank, propensity, share);
    }

    private void endPair(Pair pair, Cohort c) {
        long span = ChronoUnit.DAYS.between(pair.matched, c.end);
        LocalDate early = null;
        String reason = null;
        if (rnd.nextDouble() < WITHDRAW_SHARE && span > 10) {
            early = pair.matched.plusDays(1 + (long) (span * (0.1 + 0.8 * rnd.nextDouble())));
            reason = rnd.nextDouble() < 0.3 ? "rematched" : "withdrawn";
        }
        // a partner leaving the company ends the pair; participation has just lowered their hazard
        pair.mentor.firstParticipation = pair.mentor.firstParticipation == null ? c.start : pair.mentor.firstParticipation;
        pair.mentee.firstParticipation = pair.mentee.firstParticipation == null ? c.start : pair.mentee.firstParticipation;
        for (Person p : List.of(pair.mentor, pair.mentee)) {
            LocalDate t = p.termination(extract);
            if (t != null && t.isAfter(pair.matched) && t.isBefore(c.end) && (early == null || t.isBefore(early))) {
                early = t;
                reason = "withdrawn";
            }
        }
        if (early != null && !early.isAfter(extract)) {
            pair.ended = early;
            pair.endReason = reason;
        } else if (early == null && !c.end.isAfter(extract) && rnd.nextDouble() < 0.9) {
            pair.ended = c.end;
            pair.endReason = "completed";
        }
    }

    private Person takeRandom(List<Person> pool, Set<Person> taken) {
        for (int tries = 0; tries < 50 && !pool.isEmpty(); tries++) {
            int i = rnd.nextInt(pool.size());
            Person p = pool.get(i);
            if (!taken.contains(p)) {
                pool.set(i, pool.get(pool.size() - 1));
                pool.remove(pool.size() - 1);
                taken.add(p);
                return p;
            }
        }
        return null;
    }

    private void writeEmployees(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("employees.csv"), "employee_id", "hire_date", "job_level",
                "department", "termination_date", "termination_type", "birth_year", "gender", "location",
                "manager_id")) {
            int dirt = 0;
            for (Person p : people) {
                LocalDate t = p.termination(extract);
                String type = t == null ? null : p.leavesVoluntarily() ? "voluntary" : "involuntary";
                int level = p.levelOn(extract, extract);
                String manager = p.level0 >= 15 ? null : people.get(rnd.nextInt(Math.min(people.size(), 40))).id;
                boolean dirty = p.firstParticipation == null && dirt < options.scale() * 2 && rnd.nextDouble() < 0.01;
                if (dirty) {
                    dirt++;
                }
                f.row(p.id, dirty ? p.hire.getYear() + "-02-30" : p.hire, level, p.department, t, type,
                        p.birthYear, p.gender, p.location, p.id.equals(manager) ? null : manager);
            }
            rowCounts.put("employees", f.rows());
        }
    }

    private void writeCohorts(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("cohorts.csv"), "cohort_id", "name", "start_date", "end_date",
                "planned_sessions_per_month")) {
            for (Cohort c : cohorts) {
                f.row(c.id, c.name, c.start, c.end, c.planned);
            }
            rowCounts.put("cohorts", f.rows());
        }
    }

    private void writePairs(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("pairs.csv"), "pair_id", "cohort_id", "mentor_id", "mentee_id",
                "matched_date", "ended_date", "end_reason")) {
            for (Pair p : pairs) {
                f.row(p.id, p.cohort.id, p.mentor.id, p.mentee.id, p.matchedBlank ? null : p.matched, p.ended,
                        p.endReason);
            }
            rowCounts.put("pairs", f.rows());
        }
    }

    private void writeSessions(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("sessions.csv"), "session_id", "pair_id", "session_date", "status",
                "duration_minutes", "mentor_rating", "mentee_rating", "topics")) {
            int no = 0;
            for (Pair p : pairs) {
                if (rnd.nextDouble() < NEVER_MEET_SHARE) {
                    continue;
                }
                LocalDate last = p.lastDay(extract);
                double meanGap = 30.4375 / (p.cohort.planned * p.propensity);
                double day = -Math.log(1 - rnd.nextDouble()) * DAYS_TO_FIRST_SESSION;
                while (true) {
                    LocalDate d = p.matched.plusDays((long) day);
                    if (d.isAfter(last)) {
                        break;
                    }
                    double u = rnd.nextDouble();
                    String status = u < HELD_SHARE ? "held" : u < HELD_SHARE + (1 - HELD_SHARE) * 2 / 3 ? "cancelled"
                            : "no_show";
                    boolean held = status.equals("held");
                    Integer duration = held ? 5 * (int) Math.round(Math.max(15, Math.min(120, 50 + 12 * rnd.nextGaussian())) / 5) : null;
                    f.row(String.format(Locale.ROOT, "S%07d", ++no), p.id, d, status, duration,
                            held ? rating(0.15) : null, held ? rating(0.2) : null, held ? topics() : null);
                    day += -Math.log(1 - rnd.nextDouble()) * meanGap;
                }
            }
            for (int i = 0; i < 3 * options.scale(); i++) {
                f.row(String.format(Locale.ROOT, "S%07d", ++no), "P9" + (9000 + i), asOf.minusDays(20), "held", 45,
                        4, 5, null);
            }
            for (int i = 0; i < 2 * options.scale(); i++) {
                f.row(String.format(Locale.ROOT, "S%07d", ++no), pairs.get(rnd.nextInt(pairs.size())).id,
                        asOf.minusDays(30 + i), "held", null, null, null, null);
            }
            rowCounts.put("sessions", f.rows());
        }
    }

    private Integer rating(double missing) {
        if (rnd.nextDouble() < missing) {
            return null;
        }
        double u = rnd.nextDouble();
        return u < 0.03 ? 1 : u < 0.08 ? 2 : u < 0.25 ? 3 : u < 0.62 ? 4 : 5;
    }

    private String topics() {
        String[] domain = TOPICS[rnd.nextInt(TOPICS.length)];
        String a = domain[rnd.nextInt(domain.length)];
        String b = domain[rnd.nextInt(domain.length)];
        return a.equals(b) || rnd.nextDouble() < 0.5 ? a : a + ";" + b;
    }

    private void writeActivity(Path dir) {
        long total = 0;
        for (Cohort c : cohorts) {
            Path file = dir.resolve("activity_events").resolve("part-" + c.id + ".csv");
            try (CsvFile f = new CsvFile(file, "employee_id", "pair_id", "event_time", "event_type")) {
                for (Pair p : pairs) {
                    if (p.cohort != c) {
                        continue;
                    }
                    LocalDate last = p.lastDay(extract);
                    for (LocalDate week = p.matched; !week.isAfter(last); week = week.plusDays(7)) {
                        int n = poisson(EVENTS_PER_PAIR_WEEK * p.propensity);
                        for (int i = 0; i < n; i++) {
                            LocalDateTime t = week.atStartOfDay().plusSeconds(rnd.nextInt(7 * 86400));
                            if (t.toLocalDate().isAfter(last)) {
                                continue;
                            }
                            Person who = rnd.nextDouble() < p.menteeShare ? p.mentee : p.mentor;
                            f.row(who.id, p.id, eventTime(t), EVENT_TYPES[pick(EVENT_WEIGHTS)]);
                        }
                    }
                }
                if (c.index == 0) {
                    Person outsider = people.get(people.size() - 1);
                    for (int i = 0; i < 5 * options.scale(); i++) {
                        f.row(outsider.id, pairs.get(i % pairs.size()).id, eventTime(c.start.atTime(9, i % 60)),
                                "message");
                    }
                }
                total += f.rows();
            }
        }
        rowCounts.put("activity_events", total);
    }

    /** Most platforms export UTC with a Z; one in ten here carries a +01:00 offset to convert. */
    private String eventTime(LocalDateTime utc) {
        if (rnd.nextDouble() < 0.1) {
            return utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(1))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return utc.format(EVENT_TIME) + "Z";
    }

    private void writeSurvey(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("survey_items.csv"), "item_id", "scale", "text", "kind",
                "min_value", "max_value", "reverse_coded")) {
            for (String[] item : ITEMS) {
                boolean nps = item[3].equals("nps");
                f.row(item[0], item[1], item[2], item[3], nps ? 0 : 1, nps ? 10 : 5, item[4]);
            }
            rowCounts.put("survey_items", f.rows());
        }
        try (CsvFile f = new CsvFile(dir.resolve("survey_responses.csv"), "respondent_id", "cohort_id", "wave",
                "item_id", "value", "submitted_date")) {
            int dirt = 0;
            for (Cohort c : cohorts) {
                LocalDate[] waveDates = {c.start.plusDays(7), c.start.plusDays(ChronoUnit.DAYS.between(c.start, c.end) / 2),
                    c.end.minusDays(7), c.end.plusDays(90)};
                Map<Person, String> roles = rolesIn(c);
                for (Map.Entry<Person, String> e : roles.entrySet()) {
                    Person person = e.getKey();
                    String role = e.getValue();
                    double belonging = rnd.nextGaussian();
                    double digital = rnd.nextGaussian() + (role.equals("mentor") ? 0.8 : -0.3);
                    double leadership = rnd.nextGaussian() + (role.equals("mentee") ? 0.6 : -0.3);
                    for (int w = 0; w < WAVES.length; w++) {
                        if (waveDates[w].isAfter(extract) || rnd.nextDouble() >= RESPONSE_RATE[w]) {
                            continue;
                        }
                        double progress = w == 0 ? 0 : w == 1 ? 0.5 : 1;
                        for (String[] item : ITEMS) {
                            if (rnd.nextDouble() < ITEM_SKIP) {
                                continue;
                            }
                            double latent = switch (item[1]) {
                                case "belonging", "advocacy" -> belonging + progress * BELONGING_SHIFT;
                                case "digital_confidence" -> digital
                                        + (role.equals("mentee") ? progress * MENTEE_DIGITAL_CONFIDENCE_SHIFT : 0);
                                default -> leadership
                                        + (role.equals("mentor") ? progress * MENTOR_LEADERSHIP_INSIGHT_SHIFT : 0);
                            };
                            int value;
                            if (item[3].equals("nps")) {
                                value = clamp((int) Math.round(7 + 1.6 * latent + 1.2 * rnd.nextGaussian()), 0, 10);
                            } else {
                                value = clamp((int) Math.round(3 + 0.9 * latent + 0.8 * rnd.nextGaussian()), 1, 5);
                                if (item[4].equals("true")) {
                                    value = 6 - value;
                                }
                            }
                            LocalDate submitted = waveDates[w].plusDays(rnd.nextInt(15));
                            if (dirt < 3 * options.scale() && item[3].equals("likert") && rnd.nextDouble() < 0.002) {
                                dirt++;
                                value = 6;
                            }
                            f.row(person.id, c.id, WAVES[w], item[0], value, submitted);
                            if (rnd.nextDouble() < 0.03) {
                                int revised = item[3].equals("nps") ? clamp(value + 1, 0, 10) : clamp(value + 1, 1, 5);
                                f.row(person.id, c.id, WAVES[w], item[0], revised, submitted.plusDays(1 + rnd.nextInt(5)));
                            }
                        }
                    }
                }
            }
            rowCounts.put("survey_responses", f.rows());
        }
    }

    private void writeAssessments(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("skills.csv"), "skill_id", "name", "domain", "min_score",
                "max_score")) {
            for (String[] s : SKILLS) {
                f.row(s[0], s[1], s[2], 0, 100);
            }
            rowCounts.put("skills", f.rows());
        }
        try (CsvFile f = new CsvFile(dir.resolve("assessments.csv"), "employee_id", "cohort_id", "skill_id", "wave",
                "score", "assessed_date", "source")) {
            for (Cohort c : cohorts) {
                for (Map.Entry<Person, String> e : rolesIn(c).entrySet()) {
                    Person person = e.getKey();
                    boolean mentee = e.getValue().equals("mentee");
                    for (String[] skill : SKILLS) {
                        String domain = skill[2];
                        double pre = 50 + 12 * rnd.nextGaussian()
                                + (!mentee && domain.equals("digital") ? 15 : 0)
                                + (!mentee && domain.equals("culture") ? 5 : 0)
                                + (mentee && domain.equals("leadership") ? 15 : 0);
                        double meanGain = expectedGain(c.index, mentee, domain, options.cohortEffect());
                        double gain = meanGain + GAIN_SD * rnd.nextGaussian();
                        for (String source : new String[] {"self", "manager", "test"}) {
                            double factor = switch (source) {
                                case "self" -> 1.0;
                                case "manager" -> MANAGER_GAIN_FACTOR;
                                default -> 0.85;
                            };
                            double take = switch (source) {
                                case "self" -> 0.92;
                                case "manager" -> 0.6;
                                default -> domain.equals("digital") ? 0.5 : 0;
                            };
                            if (rnd.nextDouble() >= take) {
                                continue;
                            }
                            double[] truth = {pre, pre + gain * factor, pre + gain * factor * FOLLOWUP_RETAINED};
                            LocalDate[] when = {c.start.minusDays(rnd.nextInt(11)), c.end.plusDays(rnd.nextInt(15)),
                                c.end.plusDays(120 + rnd.nextInt(15))};
                            String[] waves = {"pre", "post", "followup"};
                            for (int w = 0; w < 3; w++) {
                                if (when[w].isAfter(extract) || (w > 0 && rnd.nextDouble() < 0.1)) {
                                    continue;
                                }
                                long score = Math.round(Math.max(0, Math.min(100, truth[w] + 4 * rnd.nextGaussian())));
                                String skillId = w == 2 && rnd.nextDouble() < 0.001 ? "SK99" : skill[0];
                                f.row(person.id, c.id, skillId, waves[w], score, when[w], source);
                                if (rnd.nextDouble() < 0.02) {
                                    long again = Math.min(100, score + 1 + rnd.nextInt(3));
                                    f.row(person.id, c.id, skill[0], waves[w], again, when[w].plusDays(1), source);
                                }
                            }
                        }
                    }
                }
            }
            rowCounts.put("assessments", f.rows());
        }
    }

    /** The planted mean self-assessed gain of a role on a domain in a cohort. */
    public static double expectedGain(int cohortIndex, boolean mentee, String domain, boolean cohortEffect) {
        if (mentee && domain.equals("digital")) {
            return cohortEffect && cohortIndex == STANDOUT_COHORT ? STANDOUT_MENTEE_DIGITAL_GAIN : MENTEE_DIGITAL_GAIN;
        }
        if (mentee && domain.equals("culture")) {
            return MENTEE_CULTURE_GAIN;
        }
        if (!mentee && domain.equals("leadership")) {
            return MENTOR_LEADERSHIP_GAIN;
        }
        return OTHER_GAIN;
    }

    private void writeJobEvents(Path dir) {
        try (CsvFile f = new CsvFile(dir.resolve("job_events.csv"), "employee_id", "effective_date", "new_job_level")) {
            for (Person p : people) {
                int level = p.level0;
                for (LocalDate d : p.promotions(extract)) {
                    f.row(p.id, d, ++level);
                }
            }
            rowCounts.put("job_events", f.rows());
        }
    }

    private void writeConfig(Path dir) {
        String yaml = "# Generated by flipside generate --scale " + options.scale() + " --seed " + options.seed() + "\n"
                + "as_of: " + asOf + "\n"
                + "reports: { organisation: \"Northwind Example Ltd\" }\n";
        try {
            Files.writeString(dir.resolve("flipside.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everyone in a pair of the cohort with their role; insertion order follows the pairs. */
    private Map<Person, String> rolesIn(Cohort c) {
        Map<Person, String> roles = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (p.cohort == c) {
                roles.putIfAbsent(p.mentor, "mentor");
                roles.putIfAbsent(p.mentee, "mentee");
            }
        }
        return roles;
    }

    private int pick(double[] weights) {
        double u = rnd.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int poisson(double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
