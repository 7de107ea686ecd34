package org.lightlyjava.upload;

import java.util.List;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasetCreateRequest;
import org.lightlyjava.api.model.DatasetData;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset an upload goes to: {@code dataset_id}, or {@code new_dataset_name}. Unlike Lightly
 * 1.2.30+, an existing dataset of the caller with that exact name is reused rather than refused, so
 * the same command run again after a crash continues where it stopped.
 */
final class DatasetTarget {

    private static final Logger log = LoggerFactory.getLogger(DatasetTarget.class);

    private DatasetTarget() {}

    /** The dataset's id, and whether this call created it. */
    record Resolved(String id, String name, boolean created) {}

    static Resolved resolve(LightlyClient client, UploadSettings settings, String creator) {
        if (settings.datasetId().isEmpty() == settings.newDatasetName().isEmpty()) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "Please specify either the dataset_id of an "
                            + "existing dataset or a new_dataset_name, but not both.");
        }
        if (!settings.datasetId().isEmpty()) {
            try {
                DatasetData dataset = client.dataset(settings.datasetId());
                return new Resolved(dataset.id(), dataset.name(), false);
            } catch (ApiException e) {
                if (e.isNotFound() || e.status() == 400) {
                    throw new ToolException(
                            ExitCode.CONFIG,
                            "dataset_id="
                                    + settings.datasetId()
                                    + ": no such dataset on the server",
                            e);
                }
                throw e;
            }
        }
        String name = settings.newDatasetName();
        List<DatasetData> existing = client.datasetsByName(name);
        if (!existing.isEmpty()) {
            log.info("Continuing with the existing dataset '{}' ({}).", name, existing.get(0).id());
            return new Resolved(existing.get(0).id(), name, false);
        }
        try {
            return new Resolved(
                    client.createDataset(DatasetCreateRequest.images(name, creator)), name, true);
        } catch (ApiException e) {
            if (e.isConflict()) {
                // created by a retry whose first answer was lost, or by a parallel run
                return new Resolved(client.datasetsByName(name).get(0).id(), name, false);
            }
            if (e.status() == 400) {
                throw new ToolException(
                        ExitCode.CONFIG, "new_dataset_name=" + name + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
