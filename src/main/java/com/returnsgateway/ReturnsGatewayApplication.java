package com.returnsgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReturnsGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReturnsGatewayApplication.class, args);
    }
}
