package com.returnsgateway.core.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnRequest;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Composes the emails of a return case from Thymeleaf templates on the file system
 * ({@code gateway.mail.templates-dir}), so a seller can reword them without a rebuild; edits show within the
 * template cache time ({@code gateway.mail.template-cache-ttl}). A buyer whose locale is, say, ja-JP gets
 * {@code <kind>_ja.html} when that file exists, otherwise the plain (English) one; operations emails are in
 * {@code gateway.operations.locale} (en by default, zh-CN shipped). Amounts are formatted for the reader's locale.
 */
@Component
public class EmailComposer {

    static final String SUBJECTS = "subjects";
    /** What operations are asked to do, by the task key a decision route names (tasks.properties). */
    static final String TASKS = "tasks";
    /** The language of the plain templates, {@code <kind>.html}, and of every email without a translation. */
    static final String FALLBACK_LANGUAGE = "en";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");
    private static final Pattern UNSAFE_IN_ID = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Path templatesDir;
    private final String from;
    private final String operationsEmail;
    private final String consoleBaseUrl;
    private final String messageIdDomain;
    private final Locale operationsLocale;
    private final TemplateEngine templates;

    /** Operations emails in English. */
    public EmailComposer(String templatesDir, String from, String operationsEmail, String consoleBaseUrl,
                         String templateCacheTtl) {
        this(templatesDir, from, operationsEmail, consoleBaseUrl, templateCacheTtl, FALLBACK_LANGUAGE);
    }

    public EmailComposer(String templatesDir, String from, String operationsEmail, String consoleBaseUrl,
                         String templateCacheTtl, String operationsLocale) {
        this(templatesDir, from, operationsEmail, consoleBaseUrl, DurationStyle.detectAndParse(templateCacheTtl),
                operationsLocale);
    }

    @Autowired
    public EmailComposer(GatewayProperties properties) {
        this(properties.mail().templatesDir(), properties.mail().from(), properties.operations().email(),
                properties.consoleBaseUrl(), properties.mail().templateCacheTtl(), properties.operations().locale());
    }

    private EmailComposer(String templatesDir, String from, String operationsEmail, String consoleBaseUrl,
                          Duration templateCacheTtl, String operationsLocale) {
        this.templatesDir = Path.of(templatesDir).toAbsolutePath().normalize();
        this.from = requireAddress("gateway.mail.from", from).toString();
        this.operationsEmail = requireAddress("gateway.operations.email", operationsEmail).toString();
        this.consoleBaseUrl = oneLine(consoleBaseUrl).replaceAll("/+$", "");
        String sender = requireAddress("gateway.mail.from", from).getAddress();
        this.messageIdDomain = sender.substring(sender.lastIndexOf('@') + 1);
        this.operationsLocale = requireLocale(operationsLocale);
        requireTemplates();
        this.templates = engine(this.templatesDir, templateCacheTtl);
    }

    /**
     * An email to the buyer of the case.
     *
     * @param refund   the refund, required for {@link EmailKind#REFUND_ISSUED}, shown when present otherwise
     * @param labelPdf the return label, required for {@link EmailKind#RETURN_LABEL}, attached when present
     */
    public OutgoingEmail buyerEmail(EmailKind kind, ReturnCase returnCase, RefundInstruction refund, byte[] labelPdf) {
        return buyerEmail(kind, returnCase, refund, labelPdf, null);
    }

    /**
     * An email to the buyer of the case.
     *
     * @param offer the offer's amount and links, required for {@link EmailKind#PARTIAL_REFUND_OFFER}
     */
    public OutgoingEmail buyerEmail(EmailKind kind, ReturnCase returnCase, RefundInstruction refund, byte[] labelPdf,
                                    OfferTerms offer) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(returnCase, "returnCase");
        if (!kind.toBuyer()) {
            throw new IllegalArgumentException(kind + " goes to operations: use operationsEmail");
        }
        if (kind == EmailKind.RETURN_LABEL && labelPdf == null) {
            throw new IllegalArgumentException("a RETURN_LABEL email for case " + returnCase.caseId()
                    + " needs the label PDF");
        }
        if (kind == EmailKind.REFUND_ISSUED && refund == null) {
            throw new IllegalArgumentException("a REFUND_ISSUED email for case " + returnCase.caseId()
                    + " needs the refund");
        }
        if (kind == EmailKind.PARTIAL_REFUND_OFFER && offer == null) {
            throw new IllegalArgumentException("a PARTIAL_REFUND_OFFER email for case " + returnCase.caseId()
                    + " needs the offer");
        }
        ReturnRequest request = requireRequest(returnCase);
        Buyer buyer = request.buyer();
        if (buyer == null || isBlank(buyer.email())) {
            throw new IllegalArgumentException("case " + returnCase.caseId() + " has no buyer email address");
        }
        String to = requireAddress("buyer email of case " + returnCase.caseId(), buyer.email()).toString();
        String attachmentName = labelPdf == null ? null : "return-label-" + safeId(request.returnId()) + ".pdf";

        Locale buyerLocale = buyerLocale(buyer.locale());
        String language = available(kind, buyerLocale.getLanguage());
        // "59,90 €" for a German buyer; a buyer without a translation reads English, so gets English amounts too
        Locale formatting = language.equals(buyerLocale.getLanguage()) ? buyerLocale : Locale.forLanguageTag(language);
        Map<String, Object> variables = variables(returnCase, request);
        variables.put("refund", refund);
        variables.put("refundAmount", refund == null ? null : money(refund.amount(), formatting));
        variables.put("partialRefund", refund != null && refund.type() == RefundType.PARTIAL);
        variables.put("attachmentName", attachmentName);
        variables.put("offerAmount", offer == null ? null : money(offer.amount(), formatting));
        variables.put("acceptUrl", offer == null ? null : offer.acceptUrl());
        variables.put("declineUrl", offer == null ? null : offer.declineUrl());
        variables.put("answerBy", offer == null ? null : answerBy(offer.answerBy(), formatting));
        return compose(kind, returnCase, language, formatting, to, variables, attachmentName, labelPdf);
    }

    /**
     * An email to the operations team.
     *
     * @param task what the operators must do: a key of {@code tasks.properties} (its text in the operations
     *             language, e.g. parcel_in_transit), or the text itself (a manual-review reason)
     */
    public OutgoingEmail operationsEmail(EmailKind kind, ReturnCase returnCase, String task) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(returnCase, "returnCase");
        if (kind.toBuyer()) {
            throw new IllegalArgumentException(kind + " goes to the buyer: use buyerEmail");
        }
        if (!kind.aboutACase()) {
            throw new IllegalArgumentException(kind + " is about no one case: use operationsAlert");
        }
        ReturnRequest request = requireRequest(returnCase);
        Map<String, Object> variables = variables(returnCase, request);
        String language = available(kind, operationsLocale.getLanguage());
        String taskText = isBlank(task) ? null : localized(TASKS, task, language);
        variables.put("task", taskText != null ? taskText : isBlank(task) ? null : task);
        variables.put("caseLink", consoleBaseUrl + "/console/cases/" + UriUtils.encodePathSegment(
                returnCase.caseId(), StandardCharsets.UTF_8));
        return compose(kind, returnCase, language, operationsFormatting(language), operationsEmail, variables, null,
                null);
    }

    /**
     * An alert to the operations team about something outside any one case, e.g. an Amazon report that failed.
     *
     * @param source  what it is about, e.g. "amazon-us"; goes into the subject
     * @param title   one line: what happened
     * @param details what it means and what to do
     * @param key     what the alert is about in a form fit for the Message-ID, e.g. "report-4711"
     */
    public OutgoingEmail operationsAlert(String source, String title, String details, String key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("source", oneLine(source));
        variables.put("title", oneLine(title));
        variables.put("details", details);
        String language = available(EmailKind.OPERATIONS_ALERT, operationsLocale.getLanguage());
        return compose(EmailKind.OPERATIONS_ALERT, null, safeId(source) + "." + safeId(key), language,
                operationsFormatting(language), operationsEmail, variables, null, null);
    }

    private OutgoingEmail compose(EmailKind kind, ReturnCase returnCase, String language, Locale locale, String to,
                                  Map<String, Object> variables, String attachmentName, byte[] attachment) {
        return compose(kind, returnCase.caseId(), safeId(returnCase.caseId()), language, locale, to, variables,
                attachmentName, attachment);
    }

    /** Renders both alternatives and the subject; the Message-ID is fixed by {@code idPrefix} and the kind. */
    private OutgoingEmail compose(EmailKind kind, String caseId, String idPrefix, String language, Locale locale,
                                  String to, Map<String, Object> variables, String attachmentName, byte[] attachment) {
        String base = kind.templateName();
        Context context = new Context(locale, variables);
        String html = templates.process(template(base, ".html", language), context);
        String text = templates.process(template(base, ".txt", language), context);
        String subject = oneLine(fill(subject(kind, language), variables));
        String messageId = "<" + idPrefix + "." + base + "@" + messageIdDomain + ">";
        return new OutgoingEmail(caseId, kind, from, to, subject, text, html, attachmentName, attachment, messageId,
                language);
    }

    /** The operations locale, or the language of the templates used when there are none in it. */
    private Locale operationsFormatting(String language) {
        return language.equals(operationsLocale.getLanguage()) ? operationsLocale : Locale.forLanguageTag(language);
    }

    /**
     * {@code language} when the seller has templates for it ({@code <kind>_<language>.html}), else English: a
     * language applies only where somebody wrote it.
     */
    private String available(EmailKind kind, String language) {
        if (!isBlank(language) && !language.equals(FALLBACK_LANGUAGE)
                && Files.isRegularFile(templatesDir.resolve(kind.templateName() + "_" + language + ".html"))) {
            return language;
        }
        return FALLBACK_LANGUAGE;
    }

    /** A deadline as a reader of {@code locale} writes a date, in UTC: "November 27, 2026", "27.11.2026". */
    static String answerBy(java.time.Instant instant, Locale locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale).withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    /** An amount as a reader of {@code locale} writes it: "$59.90", "59,90 €", "￥4,980". */
    static String money(Money money, Locale locale) {
        Currency currency = Currency.getInstance(money.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    private Map<String, Object> variables(ReturnCase returnCase, ReturnRequest request) {
        Buyer buyer = request.buyer();
        Map<String, Object> variables = new HashMap<>();
        variables.put("returnCase", returnCase);
        variables.put("request", request);
        variables.put("buyer", buyer);
        variables.put("buyerName", buyer == null || isBlank(buyer.name()) ? "customer" : buyer.name().strip());
        variables.put("caseId", returnCase.caseId());
        variables.put("returnId", request.returnId());
        variables.put("orderId", request.orderId());
        variables.put("marketplace", request.marketplace());
        variables.put("items", request.items() == null ? List.of() : request.items());
        variables.put("replacement", request.resolution() == Resolution.REPLACE);
        return variables;
    }

    /** {@code <base>_<language><extension>} when it exists, else {@code <base><extension>}. */
    private String template(String base, String extension, String language) {
        if (!language.equals(FALLBACK_LANGUAGE)
                && Files.isRegularFile(templatesDir.resolve(base + "_" + language + extension))) {
            return base + "_" + language + extension;
        }
        return base + extension;
    }

    /**
     * The subject from {@code subjects_<language>.properties}, or from subjects.properties when that file or the
     * key is missing. Read on each email: the files are small and a seller's edit applies at once.
     */
    private String subject(EmailKind kind, String language) {
        String subject = localized(SUBJECTS, kind.templateName(), language);
        if (subject == null) {
            throw new IllegalStateException("no subject for " + kind.templateName() + " in "
                    + templatesDir.resolve(SUBJECTS + ".properties"));
        }
        return subject;
    }

    /** {@code key} from {@code <base>_<language>.properties}, else from {@code <base>.properties}; null in neither. */
    private String localized(String base, String key, String language) {
        if (!language.equals(FALLBACK_LANGUAGE)) {
            Path translated = templatesDir.resolve(base + "_" + language + ".properties");
            if (Files.isRegularFile(translated)) {
                String text = loadProperties(translated).getProperty(key);
                if (!isBlank(text)) {
                    return text;
                }
            }
        }
        String text = loadProperties(templatesDir.resolve(base + ".properties")).getProperty(key);
        return isBlank(text) ? null : text;
    }

    private static Properties loadProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read mail texts from " + file, e);
        }
        return properties;
    }

    /** Replaces {@code {name}} with a variable's value; unknown names stay as they are. */
    private static String fill(String template, Map<String, Object> variables) {
        return PLACEHOLDER.matcher(template).replaceAll(match -> {
            Object value = variables.get(match.group(1));
            String replacement = value == null ? match.group() : value.toString();
            return Matcher.quoteReplacement(replacement);
        });
    }

    private void requireTemplates() {
        List<String> missing = new ArrayList<>();
        for (EmailKind kind : EmailKind.values()) {
            for (String extension : List.of(".html", ".txt")) {
                if (!Files.isRegularFile(templatesDir.resolve(kind.templateName() + extension))) {
                    missing.add(kind.templateName() + extension);
                }
            }
        }
        for (String texts : List.of(SUBJECTS, TASKS)) {
            if (!Files.isRegularFile(templatesDir.resolve(texts + ".properties"))) {
                missing.add(texts + ".properties");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("mail templates missing in " + templatesDir
                    + " (gateway.mail.templates-dir): " + String.join(", ", missing));
        }
    }

    private static TemplateEngine engine(Path dir, Duration cacheTtl) {
        // a private engine: Spring MVC's own Thymeleaf engine and its classpath templates stay untouched
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(dir, TemplateMode.HTML, "*.html", 1, cacheTtl));
        engine.addTemplateResolver(resolver(dir, TemplateMode.TEXT, "*.txt", 2, cacheTtl));
        return engine;
    }

    private static FileTemplateResolver resolver(Path dir, TemplateMode mode, String pattern, int order,
                                                 Duration cacheTtl) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(dir.toString() + "/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setCacheTTLMs(cacheTtl.toMillis());
        resolver.setOrder(order);
        return resolver;
    }

    private static ReturnRequest requireRequest(ReturnCase returnCase) {
        if (returnCase.request() == null) {
            throw new IllegalArgumentException("case " + returnCase.caseId() + " has no return request");
        }
        return returnCase.request();
    }

    /** "fr-CA" gives fr-CA; anything that is not a locale with a plain language code gives English. */
    private static Locale buyerLocale(String tag) {
        if (isBlank(tag)) {
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        return LANGUAGE.matcher(locale.getLanguage()).matches() ? locale : Locale.ENGLISH;
    }

    private static Locale requireLocale(String tag) {
        Locale locale = isBlank(tag) ? Locale.ENGLISH : Locale.forLanguageTag(tag.strip().replace('_', '-'));
        if (!LANGUAGE.matcher(locale.getLanguage()).matches()) {
            throw new IllegalArgumentException("gateway.operations.locale is not a language tag such as en or zh-CN: '"
                    + tag + "'");
        }
        return locale;
    }

    private static InternetAddress requireAddress(String what, String address) {
        if (isBlank(address) || LINE_BREAKS.matcher(address).find()) {
            throw new IllegalArgumentException(what + " is not a valid email address: '" + address + "'");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " is not a valid email address: '" + address + "'", e);
        }
    }

    /** Header values must stay on one line: a line break in a buyer's name would start a new header. */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        return LINE_BREAKS.matcher(value).replaceAll(" ").replaceAll("\\p{Cntrl}", "").strip();
    }

    private static String safeId(String value) {
        return UNSAFE_IN_ID.matcher(value == null ? "" : value).replaceAll("_");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
