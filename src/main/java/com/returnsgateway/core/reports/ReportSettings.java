package com.returnsgateway.core.reports;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the operations team reads figures ({@code gateway.reports.*}).
 *
 * @param timeZone where the team's day begins and ends ("today" on the console's home page, days in the charts,
 *                 times on every console page): Asia/Shanghai unless set
 */
@ConfigurationProperties("gateway.reports")
public record ReportSettings(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
