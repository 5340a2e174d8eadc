package com.returnsgateway.core.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.Address;

class ReturnAddressBookTest {

    /** The block documented for config/application.yaml, abridged to two countries and the default. */
    private static final String YAML = """
            gateway:
              workers: 16
              return-addresses:
                US:
                  name: Seller Returns Center
                  line1: 1200 Logistics Way
                  line2: Dock 7
                  city: Reno
                  region: NV
                  postal-code: "89502"
                  country: US
                  phone: "+1 775 555 0100"
                JP:
                  name: 返品センター
                  line1: 有明3-7-26
                  city: 江東区
                  region: 東京都
                  postal-code: 135-0063
                  country: JP
                default:
                  name: Seller Returns Hub
                  line1: Flughafenstraße 1
                  city: Leipzig
                  postal-code: "04435"
                  country: DE
            """;

    @Test
    void picksTheBuyersCountryFromYaml() throws IOException {
        ReturnAddressBook book = new ReturnAddressBook(bindYaml(YAML));

        assertThat(book.forCountry("US")).isEqualTo(new Address("Seller Returns Center", "1200 Logistics Way",
                "Dock 7", "Reno", "NV", "89502", "US", "+1 775 555 0100"));
        assertThat(book.forCountry("jp").name()).isEqualTo("返品センター");
        assertThat(book.forCountry("JP").postalCode()).isEqualTo("135-0063");
    }

    @Test
    void otherCountriesGetTheDefault() throws IOException {
        ReturnAddressBook book = new ReturnAddressBook(bindYaml(YAML));

        assertThat(book.forCountry("FR").city()).isEqualTo("Leipzig");
        assertThat(book.forCountry(null).city()).isEqualTo("Leipzig");
    }

    @Test
    void keysFromEnvironmentVariablesInLowerCaseWork() {
        GatewayProperties properties = bind(Map.of(
                "gateway.return-addresses.de.name", "Rücksendungen",
                "gateway.return-addresses.de.line1", "Königstraße 1",
                "gateway.return-addresses.de.city", "Leipzig",
                "gateway.return-addresses.de.country", "DE"));

        assertThat(new ReturnAddressBook(properties).forCountry("DE").name()).isEqualTo("Rücksendungen");
    }

    @Test
    void withoutDefaultAnUnknownCountryIsAClearError() {
        ReturnAddressBook book = new ReturnAddressBook(bind(Map.of(
                "gateway.return-addresses.us.name", "Returns",
                "gateway.return-addresses.us.line1", "1 Main St",
                "gateway.return-addresses.us.city", "Reno",
                "gateway.return-addresses.us.country", "US")));

        assertThatThrownBy(() -> book.forCountry("CN"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.return-addresses.CN")
                .hasMessageContaining("gateway.return-addresses.default");
    }

    @Test
    void incompleteAddressIsRefusedAtStartup() {
        GatewayProperties properties = bind(Map.of(
                "gateway.return-addresses.cn.name", "退货中心",
                "gateway.return-addresses.cn.country", "CN"));

        assertThatThrownBy(() -> new ReturnAddressBook(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.return-addresses.cn.line1")
                .hasMessageContaining("gateway.return-addresses.cn.city");
    }

    private static GatewayProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("gateway", GatewayProperties.class);
    }

    private static GatewayProperties bindYaml(String yaml) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("test", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
                .forEach(environment.getPropertySources()::addFirst);
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("gateway", GatewayProperties.class);
    }
}
