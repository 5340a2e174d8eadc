package com.returnsgateway.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Feeds API 2021-06-30 under {@code /sandbox/amazon/sp/feeds/2021-06-30}. */
@RestController
@RequestMapping(SpApiInterceptor.SP_ROOT + "/feeds/2021-06-30")
@SandboxEnabled
public class FeedsSimulatorController {

    private final FeedsSimulator feeds;
    private final SimulatedS3 s3;

    public FeedsSimulatorController(FeedsSimulator feeds, SimulatedS3 s3) {
        this.feeds = feeds;
        this.s3 = s3;
    }

    @PostMapping("/documents")
    @SpApi(SpOperation.CREATE_FEED_DOCUMENT)
    public ResponseEntity<ObjectNode> createFeedDocument(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                                         @RequestBody(required = false) JsonNode body,
                                                         HttpServletRequest request) {
        String id = feeds.createDocument(caller, body);
        ObjectNode answer = AmazonJson.object();
        answer.put("feedDocumentId", id);
        // the URL signs the Content-Type asked for here, as Amazon's does: the upload must send the same one
        String contentType = feeds.document(id).orElseThrow().contentType();
        answer.put("url", s3.presign(request, "PUT", SimulatedS3.FEED_DOCUMENTS, id, contentType));
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @PostMapping("/feeds")
    @SpApi(SpOperation.CREATE_FEED)
    public ResponseEntity<ObjectNode> createFeed(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                                 @RequestBody(required = false) JsonNode body) {
        ObjectNode answer = AmazonJson.object();
        answer.put("feedId", feeds.create(caller, body));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @GetMapping("/feeds/{feedId}")
    @SpApi(SpOperation.GET_FEED)
    public ObjectNode getFeed(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                              @PathVariable("feedId") String feedId) {
        return feeds.poll(caller, feedId);
    }

    @GetMapping("/feeds")
    @SpApi(SpOperation.GET_FEEDS)
    public ObjectNode getFeeds(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                               @RequestParam(name = "feedTypes", required = false) String feedTypes,
                               @RequestParam(name = "marketplaceIds", required = false) String marketplaceIds,
                               @RequestParam(name = "processingStatuses", required = false) String statuses,
                               @RequestParam(name = "createdSince", required = false) String createdSince,
                               @RequestParam(name = "createdUntil", required = false) String createdUntil,
                               @RequestParam(name = "pageSize", required = false) Integer pageSize,
                               @RequestParam(name = "nextToken", required = false) String nextToken) {
        return feeds.list(caller, feedTypes, marketplaceIds, statuses, createdSince, createdUntil, pageSize,
                nextToken);
    }

    @GetMapping("/documents/{feedDocumentId}")
    @SpApi(SpOperation.GET_FEED_DOCUMENT)
    public ObjectNode getFeedDocument(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                      @PathVariable("feedDocumentId") String documentId,
                                      HttpServletRequest request) {
        feeds.document(caller, documentId);
        ObjectNode answer = AmazonJson.object();
        answer.put("feedDocumentId", documentId);
        answer.put("url", s3.presign(request, "GET", SimulatedS3.FEED_DOCUMENTS, documentId));
        return answer;
    }
}
