package com.returnsgateway.web;

import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.offer.OfferAnswers;
import com.returnsgateway.core.offer.OfferAnswers.Look;
import com.returnsgateway.core.offer.OfferLinkSigner.Action;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page an offer's links open, in the buyer's language, without login. GET shows what the answer means and a
 * button (mail scanners open links: a GET never changes anything); the button POSTs the answer (with the CSRF
 * token). A link that is wrong, edited, used or out of date shows why it does no longer work, and changes nothing.
 */
@Controller
@RequestMapping("/offers/{token}")
public class OfferPage {

    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "ja", "zh");
    private static final List<String> KEYS = List.of("title", "heading", "explain", "button", "by", "items", "done",
            "invalid.heading", "invalid.text");

    private final OfferAnswers answers;
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    public OfferPage(OfferAnswers answers) {
        this.answers = answers;
        texts.setBasename("offers/page");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
    }

    @GetMapping("/{action}")
    public String show(@PathVariable("token") String token, @PathVariable("action") String action, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        Look look = answers.look(token, action(action));
        return render(look, token, look.valid() ? "offers/answer" : null, model, request, response);
    }

    @PostMapping("/{action}")
    public String answer(@PathVariable("token") String token, @PathVariable("action") String action, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        Look look = answers.answer(token, action(action));
        return render(look, token, look.valid() ? "offers/done" : null, model, request, response);
    }

    private String render(Look look, String token, String view, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        Locale locale = locale(look, request);
        String prefix = look.action().path() + ".";
        Object[] args = look.offer() == null ? new Object[] {"", ""} : new Object[] {
                money(look.offer().amount(), locale),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC)
                        .format(look.offer().expiresAt())};
        Map<String, String> t = new LinkedHashMap<>();
        for (String key : KEYS) {
            String code = key.startsWith("invalid.") || key.equals("title") || key.equals("items")
                    || key.equals("by") ? key : prefix + key;
            if (key.equals("invalid.text")) {
                code = look.problem() != null && look.problem().gone() ? "invalid.gone" : "invalid.bad";
            }
            t.put(key, texts.getMessage(code, args, locale));
        }
        model.addAttribute("t", t);
        model.addAttribute("lang", locale.getLanguage());
        if (view == null) {
            response.setStatus(look.problem().gone() ? HttpStatus.GONE.value() : HttpStatus.BAD_REQUEST.value());
            return "offers/invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("action", look.action().path());
        model.addAttribute("items", look.returnCase().request().items());
        return view;
    }

    /** The buyer's language when the link names a case, else the browser's; English when neither is translated. */
    private static Locale locale(Look look, HttpServletRequest request) {
        Buyer buyer = look.returnCase() == null ? null : look.returnCase().request().buyer();
        Locale locale = buyer != null && buyer.locale() != null && !buyer.locale().isBlank()
                ? Locale.forLanguageTag(buyer.locale().strip().replace('_', '-')) : request.getLocale();
        return LANGUAGES.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }

    private static Action action(String path) {
        return switch (path) {
            case "accept" -> Action.ACCEPT;
            case "decline" -> Action.DECLINE;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private static String money(Money money, Locale locale) {
        Currency currency = Currency.getInstance(money.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultCountry(locale)) : locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    /** A country to format amounts with when the locale names none ("de" reads as de-DE). */
    private static String defaultCountry(Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> "US";
            case "ja" -> "JP";
            case "zh" -> "CN";
            default -> locale.getLanguage().toUpperCase(Locale.ROOT);
        };
    }
}
